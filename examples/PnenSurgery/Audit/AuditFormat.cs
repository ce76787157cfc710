using System.Globalization;

namespace PnenSurgery.Audit;

/// <summary>Numbers printed the way the paper prints them, so that equal means "reads the same".</summary>
public static class AuditFormat
{
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string P(double? p) => p switch
    {
        null => "—",
        < 0.0005 => "<0.001",
        _ => p.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>Whole months, as the paper's survival tables; "–" for a bound not reached.</summary>
    public static string Months(double? value) => value is { } v ? Math.Round(v, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) : "–";

    /// <summary>"median (q25–q75)"; the paper leaves an unreached bound empty.</summary>
    public static string MedianIqr(double? median, double? q25, double? q75) =>
        $"{(median is null ? "NR" : Months(median))} ({(q25 is null ? "" : Months(q25))}–{(q75 is null ? "" : Months(q75))})";

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    public static string HazardRatio(double? hr, double? lower, double? upper) => $"{Ratio(hr)} ({Ratio(lower)}–{Ratio(upper)})";
}
