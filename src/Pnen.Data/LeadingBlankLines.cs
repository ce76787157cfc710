namespace Pnen.Data;

/// <summary>
/// A reader that passes text through unchanged except for blank lines before the first line
/// with content, which it drops. R's read.csv and data.table's fread skip them too; without
/// this the CSV parser takes the first blank line for a header with one column named ''.
/// Whole lines are dropped or kept byte for byte, so a header whose first name is empty
/// (a leading delimiter) or quoted over a line break is never altered.
/// </summary>
internal sealed class LeadingBlankLines : TextReader
{
    private readonly TextReader _inner;
    private string _pending = "";
    private int _pendingAt;
    private bool _skipped;

    public LeadingBlankLines(TextReader inner) => _inner = inner;

    public override int Peek()
    {
        SkipBlankLines();
        return _pendingAt < _pending.Length ? _pending[_pendingAt] : _inner.Peek();
    }

    public override int Read()
    {
        SkipBlankLines();
        return _pendingAt < _pending.Length ? _pending[_pendingAt++] : _inner.Read();
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        SkipBlankLines();
        if (_pendingAt >= _pending.Length) return _inner.Read(buffer);
        var n = Math.Min(buffer.Length, _pending.Length - _pendingAt);
        _pending.AsSpan(_pendingAt, n).CopyTo(buffer);
        _pendingAt += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }

    // Reads until the first character that is not white space; what was read of that line,
    // from its start, is kept to be read first. Reading stops there, so a huge first line is
    // left to the CSV parser and its record-size limit.
    private void SkipBlankLines()
    {
        if (_skipped) return;
        _skipped = true;
        var line = new System.Text.StringBuilder();
        int c;
        while ((c = _inner.Read()) >= 0)
        {
            line.Append((char)c);
            if (c is '\n' or '\r') line.Clear();
            else if (!char.IsWhiteSpace((char)c)) break;
        }
        _pending = c < 0 ? "" : line.ToString();
    }
}
