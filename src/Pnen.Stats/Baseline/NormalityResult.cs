namespace Pnen.Stats.Baseline;

/// <summary>A Shapiro-Wilk result.</summary>
public sealed record NormalityResult(double W, double P);
