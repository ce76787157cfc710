namespace Pnen.Stats.Survival;

/// <summary>Options of a Kaplan-Meier fit; the defaults are R survfit's.</summary>
public sealed record KaplanMeierOptions
{
    public static readonly KaplanMeierOptions Default = new();

    public ConfidenceType ConfidenceType { get; init; } = ConfidenceType.Log;

    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Merge times that differ by rounding noise (R's timefix = TRUE).</summary>
    public bool TimeFix { get; init; } = true;
}
