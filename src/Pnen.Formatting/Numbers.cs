using System.Globalization;

namespace Pnen.Formatting;

/// <summary>
/// Every number Pnen prints goes through here (a report's tables, figures and CSV, the pnen command's
/// Markdown), so that they agree and no text depends on the machine's culture: invariant digits, fixed
/// decimals, journal dashes.
/// </summary>
public static class Numbers
{
    /// <summary>The em dash the paper prints where a variable was not tested or not modelled.</summary>
    public const string Dash = "\u2014";

    /// <summary>The en dash of ranges ("0.127–0.721") and of open quartile ends ("72 (33–)").</summary>
    public const string RangeDash = "\u2013";

    public static string Fixed(double value, int decimals)
    {
        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // "-0.00" after rounding a tiny negative number reads as a sign error.
        return text.StartsWith('-') && text.Trim('-', '0', '.').Length == 0 ? text[1..] : text;
    }

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A P value as journals print it: "&lt;0.001" below 0.001, else three decimals.</summary>
    public static string PValue(double? p) => p switch
    {
        null => Dash,
        < 0.001 => "<0.001",
        { } value => Fixed(value, 3),
    };

    /// <summary>A hazard ratio with its confidence interval: "0.302 (0.127–0.721)".</summary>
    public static string HazardRatio(double hr, double lower, double upper, int decimals) =>
        $"{Ratio(hr, decimals)} ({Ratio(lower, decimals)}{RangeDash}{Ratio(upper, decimals)})";

    /// <summary>A ratio that may run off to infinity (an unbounded upper limit).</summary>
    public static string Ratio(double value, int decimals) => double.IsPositiveInfinity(value) ? "\u221e" : Fixed(value, decimals);

    /// <summary>"n (%)".</summary>
    public static string CountPercent(int n, double percent, int decimals) => $"{Integer(n)} ({Fixed(percent, decimals)})";

    /// <summary>A Kaplan-Meier median with its quartiles, "72 (33–122)"; a quartile that is not reached
    /// leaves its end of the range open ("72 (33–)"), as the paper prints it.</summary>
    public static string MedianWithQuartiles(double? median, double? q25, double? q75, int decimals, string notReached)
    {
        var head = median is { } m ? Fixed(m, decimals) : notReached;
        if (q25 is null && q75 is null) return head;
        var low = q25 is { } a ? Fixed(a, decimals) : "";
        var high = q75 is { } b ? Fixed(b, decimals) : "";
        return $"{head} ({low}{RangeDash}{high})";
    }

    /// <summary>A number with <paramref name="format"/>'s significant digits (G6: the pnen command's Markdown),
    /// or <paramref name="missing"/> when it is missing or not finite.</summary>
    public static string General(double? value, string missing, string format = "G6") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : missing;

    /// <summary>A P value for an analyst: three decimals, or scientific below 0.001 ("1.2E-30") so that a
    /// tiny P keeps its size; a dash when missing.</summary>
    public static string PScientific(double? p) => p switch
    {
        null => Dash,
        < 0.001 => p.Value.ToString("0.0E+0", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A coordinate in an SVG: two decimals, invariant, so the bytes never vary.</summary>
    public static string Coordinate(double value) => Fixed(value, 2);
}
