using System.Globalization;
using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>Integers as files write them, including "2.0" from tools that store every number as a
/// float (pandas with missing values does); "2.5" is refused, not truncated.</summary>
internal static class WholeNumber
{
    public static string? Parse(ReadOnlySpan<char> text, long min, long max, out long value)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return value >= min && value <= max ? null : "outside the range of the property's integer type";
        }
        if (!ValueParser.TryParseFinite(trimmed, out var number)) return ValueParser.DescribeNotFinite(trimmed);
        if (Math.Floor(number) != number) return "not a whole number";
        // Doubles beyond 2^53 are not exact integers; such a value was never meant as a count.
        if (Math.Abs(number) > 9007199254740992d || number < min || number > max) return "outside the range of the property's integer type";
        value = (long)number;
        return null;
    }
}
