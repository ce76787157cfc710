using System.Globalization;

namespace ColonAdjuvant.Audit;

/// <summary>One number of the study beside R's: relative difference, and whether it is within the tolerance
/// the engine is held to (1e-6, P values 1e-5; counts exact).</summary>
public sealed record Agreement(string Section, string Item, double? R, double? Pnen, double Tolerance)
{
    /// <summary>|Pnen - R| / max(|R|, 1e-12); 0 when both are missing, infinite when only one is.</summary>
    public double Difference => (R, Pnen) switch
    {
        (null, null) => 0,
        ({ } r, { } p) => Math.Abs(p - r) / Math.Max(Math.Abs(r), 1e-12),
        _ => double.PositiveInfinity,
    };

    public bool Agrees => Difference <= Tolerance;

    public static string Text(double? value) => value is { } v ? v.ToString("G7", CultureInfo.InvariantCulture) : "—";
}
