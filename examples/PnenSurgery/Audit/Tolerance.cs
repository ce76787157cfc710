using System.Globalization;

namespace PnenSurgery.Audit;

/// <summary>
/// The tolerances the synthetic cohort was calibrated to (Data/README.md, "Approximate targets"),
/// as checks on a published and a reproduced number.
/// </summary>
public sealed record Tolerance(string Description, Func<double, double, bool> Holds)
{
    /// <summary>Hazard ratios and medians: |log(reproduced / published)| ≤ bound.</summary>
    public static Tolerance LogRatio(double bound) => new(
        string.Create(CultureInfo.InvariantCulture, $"|log ratio| ≤ {bound:0.00}"),
        (published, reproduced) => published > 0 && reproduced > 0 && Math.Abs(Math.Log(reproduced / published)) <= bound);

    /// <summary>
    /// A median: |log ratio| ≤ bound; when the reproduced curve does not reach one half, survival at
    /// the published median within 0.5 ± <paramref name="survivalBand"/> instead (a curve that ends
    /// on a plateau near one half has no median, though it agrees with the paper's).
    /// </summary>
    public static Tolerance Median(double bound, double survivalBand, Func<double, double>? survivalAt) => new(
        string.Create(CultureInfo.InvariantCulture, $"|log ratio| ≤ {bound:0.00} (if not reached: S at the published median within 0.5 ± {survivalBand:0.00})"),
        (published, reproduced) => double.IsNaN(reproduced)
            ? survivalAt is not null && Math.Abs(survivalAt(published) - 0.5) <= survivalBand
            : published > 0 && reproduced > 0 && Math.Abs(Math.Log(reproduced / published)) <= bound);

    /// <summary>A P value on the same side of a threshold as the paper's (the decision it drives).</summary>
    public static Tolerance SameSide(double threshold) => new(
        string.Create(CultureInfo.InvariantCulture, $"same side of {threshold}"),
        (published, reproduced) => published <= threshold == reproduced <= threshold);

    /// <summary>Within a fixed distance.</summary>
    public static Tolerance Absolute(double bound, string unit) => new(
        string.Create(CultureInfo.InvariantCulture, $"± {bound} {unit}"),
        (published, reproduced) => Math.Abs(reproduced - published) <= bound);

    /// <summary>A P as the paper prints it: "&lt;0.001" reads as 0.0005.</summary>
    public static double? ParseP(string? printed) => printed switch
    {
        null => null,
        "<0.001" => 0.0005,
        _ => double.TryParse(printed, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : null,
    };
}
