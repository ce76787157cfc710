using System.Text;

namespace Pnen.Data.Fast;

/// <summary>
/// Turns the raw UTF-8 bytes of one field into a column value, under exactly the rules of the
/// text reader (<see cref="TableReader"/>): missing tokens after trimming, numbers as
/// <see cref="ValueParser"/> reads them, events as 0/1 or true/false, levels trimmed. Fields of
/// printable ASCII, nearly all of them, are handled on the bytes; any other field is decoded and
/// handed to the same code the text reader uses, so the two cannot disagree.
/// A value the text reader would report as an error makes the field reader give up
/// (<see cref="Number.Failed"/>, or false): the caller then reads the file again the slow way, which names it.
/// </summary>
internal sealed class FieldReader
{
    private readonly byte[][] _missingTokens;
    private readonly MissingValues _missing;
    private readonly bool _digitIsMissing; // "0" or "1" declared missing: the event shortcut would be wrong
    private readonly int _longestToken;

    public FieldReader(MissingValues missing)
    {
        _missing = missing;
        _missingTokens = missing.Tokens.Select(t => Encoding.UTF8.GetBytes(t)).ToArray();
        _digitIsMissing = missing.IsMissing("0") || missing.IsMissing("1");
        _longestToken = _missingTokens.Length == 0 ? -1 : _missingTokens.Max(t => t.Length);
    }

    /// <summary>"0" and "1" are events here (neither is declared missing): the one-byte shortcut holds.</summary>
    public bool DigitsAreEvents => !_digitIsMissing;

    /// <summary>A missing token is also a number to <see cref="DecimalParser"/> ("-99"): a field
    /// must then be compared with the tokens before it is parsed.</summary>
    public bool NumberCanBeMissing => _missingTokens.Any(t => DecimalParser.TryParse(t, out _));

    /// <summary>True when every missing token is printable ASCII, as the byte path assumes.</summary>
    public bool Usable => _missingTokens.All(t => t.All(b => b is >= 0x20 and < 0x7F));

    /// <summary>Printable ASCII only, and so trimming means trimming spaces, as char.Trim would.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> field) => !field.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    public static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> field) =>
        field.Length > 0 && field[0] != ' ' && field[^1] != ' ' ? field : field.Trim((byte)' ');

    public bool IsMissing(ReadOnlySpan<byte> trimmed)
    {
        if (trimmed.Length > _longestToken) return false;
        foreach (var token in _missingTokens)
        {
            if (trimmed.SequenceEqual(token)) return true;
        }
        return false;
    }

    public enum Number { Value, Missing, Text, Failed }

    /// <summary>A numeric field: its value, missing, text (not a number at all: an Auto column
    /// turns categorical) or failed (an error the text reader reports, such as infinity or a negative time).</summary>
    /// <param name="plain">The caller knows the field is printable ASCII (its whole line is).</param>
    public Number ReadNumber(ReadOnlySpan<byte> field, bool plain, bool nonNegative, out double value)
    {
        value = double.NaN;
        if (plain || IsPlain(field))
        {
            var trimmed = TrimSpaces(field);
            if (IsMissing(trimmed)) return Number.Missing;
            if (DecimalParser.TryParse(trimmed, out value)) return nonNegative && value < 0 ? Number.Failed : Number.Value;
        }
        return ReadNumberText(Decode(field), nonNegative, out value);
    }

    private Number ReadNumberText(string text, bool nonNegative, out double value)
    {
        value = double.NaN;
        if (_missing.IsMissing(text)) return Number.Missing;
        if (ValueParser.TryParseFinite(text, out value)) return nonNegative && value < 0 ? Number.Failed : Number.Value;
        value = double.NaN;
        return ValueParser.DescribeNotFinite(text) == "not a number" ? Number.Text : Number.Failed;
    }

    /// <summary>1, 0, or -1 for missing; false when the field is not an event indicator.</summary>
    public bool TryReadEvent(ReadOnlySpan<byte> field, out sbyte value)
    {
        if (!_digitIsMissing && field.Length == 1 && field[0] is ((byte)'0' or (byte)'1'))
        {
            value = (sbyte)(field[0] - '0');
            return true;
        }
        var text = Decode(field);
        if (_missing.IsMissing(text))
        {
            value = -1;
            return true;
        }
        if (ValueParser.TryParseEvent(text, out var happened))
        {
            value = happened ? (sbyte)1 : (sbyte)0;
            return true;
        }
        value = -1;
        return false;
    }

    /// <summary>The level of a categorical field, trimmed as the text reader trims it; null when missing.</summary>
    public bool TryReadLevel(ReadOnlySpan<byte> field, bool plain, Span<char> scratch, out ReadOnlySpan<char> level)
    {
        if (plain || IsPlain(field))
        {
            var trimmed = TrimSpaces(field);
            if (IsMissing(trimmed))
            {
                level = default;
                return false;
            }
            if (trimmed.Length <= scratch.Length)
            {
                var length = Encoding.ASCII.GetChars(trimmed, scratch);
                level = scratch[..length];
                return true;
            }
        }
        var text = Decode(field);
        if (_missing.IsMissing(text))
        {
            level = default;
            return false;
        }
        level = text.AsSpan().Trim();
        return true;
    }

    private static string Decode(ReadOnlySpan<byte> field) => Encoding.UTF8.GetString(field);
}
