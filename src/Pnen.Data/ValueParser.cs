using System.Globalization;

namespace Pnen.Data;

/// <summary>
/// The one definition of how text becomes a number or a boolean in Pnen: invariant culture,
/// no thousands separators, no locale surprises. Shared by the CLI and the generated loaders.
/// </summary>
public static class ValueParser
{
    private const NumberStyles Number = NumberStyles.Float;

    /// <summary>Parses a finite number. NaN, infinities and values that overflow a double are rejected.</summary>
    public static bool TryParseFinite(ReadOnlySpan<char> text, out double value)
    {
        var trimmed = text.Trim();
        // Plain decimals take the exact fast path; everything else, and every error, double.Parse.
        if (Fast.DecimalParser.TryParse(trimmed, out value)) return true;
        if (double.TryParse(trimmed, Number, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }
        value = double.NaN;
        return false;
    }

    /// <summary>Why <paramref name="text"/> is not a finite number, for an error message.</summary>
    public static string DescribeNotFinite(ReadOnlySpan<char> text) =>
        double.TryParse(text.Trim(), Number, CultureInfo.InvariantCulture, out _)
            ? "not a finite number (NaN, infinity or too large)"
            : "not a number";

    /// <summary>Booleans as people write them in data files: 0/1, true/false, yes/no (any case).</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        var t = text.Trim();
        if (t.SequenceEqual("1") || t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        if (t.SequenceEqual("0") || t.Equals("false", StringComparison.OrdinalIgnoreCase) || t.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }
        value = false;
        return false;
    }

    /// <summary>An event indicator: 0/1 (also written 1.0 or 0.0) or true/false, as the CLI contract states.
    /// Anything else, a 2 from R's 1/2 status coding included, is refused rather than guessed.</summary>
    public static bool TryParseEvent(ReadOnlySpan<char> text, out bool value)
    {
        var t = text.Trim();
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        if (t.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }
        if (TryParseFinite(t, out var number) && (number == 0 || number == 1))
        {
            value = number == 1;
            return true;
        }
        value = false;
        return false;
    }
}
