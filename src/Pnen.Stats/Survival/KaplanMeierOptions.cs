namespace Pnen.Stats.Survival;

/// <summary>Options of a Kaplan-Meier fit; the defaults are R survfit's.</summary>
public sealed record KaplanMeierOptions
{
    public static readonly KaplanMeierOptions Default = new();

    public ConfidenceType ConfidenceType { get; init; } = ConfidenceType.Log;

    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Merge times that differ by rounding noise (R's timefix = TRUE).</summary>
    public bool TimeFix { get; init; } = true;

    /// <summary>The robust (infinitesimal jackknife) variance, as survfit's <c>robust =</c>; null
    /// follows survfit's default: robust with clusters or weights that are not whole numbers,
    /// Greenwood's otherwise. Only the <see cref="SurvivalData"/> overloads use it.</summary>
    public bool? Robust { get; init; }
}
