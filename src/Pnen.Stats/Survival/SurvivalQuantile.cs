namespace Pnen.Stats.Survival;

/// <summary>A time by which a fraction <see cref="Probability"/> of the cohort has had the event
/// (0.5 = the median), with its confidence limits. Null means not reached, never zero.</summary>
public sealed record SurvivalQuantile(double Probability, double? Time, double? Lower, double? Upper);
