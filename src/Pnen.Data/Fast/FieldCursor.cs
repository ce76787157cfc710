namespace Pnen.Data.Fast;

/// <summary>
/// The fields of one line (its line break already removed), left to right. A field is the text
/// between delimiters, or the inside of a quoted field "..." that holds no quote and is followed
/// by a delimiter or the end of the line. Anything else with a quote (an escaped "" quote, a quote
/// inside a field, text after a closing quote) or a carriage return inside the line sets
/// <see cref="Unusual"/>: the caller declines and leaves the file to the ordinary reader.
/// </summary>
internal ref struct FieldCursor
{
    private readonly ReadOnlySpan<byte> _line;
    private readonly byte _delimiter;
    private readonly bool _special; // the line has a quote or a carriage return
    private int _position;          // start of the next field; past the end when there is none

    public FieldCursor(ReadOnlySpan<byte> line, byte delimiter)
    {
        _line = line;
        _delimiter = delimiter;
        _special = line.IndexOfAny((byte)'"', (byte)'\r') >= 0;
        _position = 0;
        Unusual = false;
    }

    public bool Unusual { get; private set; }

    public bool Next(out ReadOnlySpan<byte> field)
    {
        field = default;
        if (_position > _line.Length || Unusual) return false;
        var rest = _line[_position..];

        if (_special && rest.Length > 0 && rest[0] == '"')
        {
            var close = rest[1..].IndexOf((byte)'"');
            if (close < 0) return Fail();
            var after = close + 2; // index in rest just past the closing quote
            if (after < rest.Length && rest[after] != _delimiter) return Fail();
            field = rest.Slice(1, close);
            if (field.Contains((byte)'\r')) return Fail();
            _position += after + 1;
            return true;
        }

        var end = rest.IndexOf(_delimiter);
        field = end < 0 ? rest : rest[..end];
        if (_special && field.IndexOfAny((byte)'"', (byte)'\r') >= 0) return Fail();
        _position += end < 0 ? rest.Length + 1 : end + 1;
        return true;
    }

    private bool Fail()
    {
        Unusual = true;
        return false;
    }
}
