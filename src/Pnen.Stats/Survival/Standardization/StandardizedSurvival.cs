using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Survival.Standardization;

/// <summary>
/// Survival standardised to the cohort: for each exposure level, the average over the analysed
/// patients of their predicted Cox curves with the exposure set to that level. <see cref="Curves"/>
/// are in level order; <see cref="Differences"/> compare each non-reference level with the reference.
/// </summary>
public sealed record StandardizedSurvival(
    CoxResult Model,
    string Reference,
    int N,
    int Dropped,
    IReadOnlyList<StandardizedCurve> Curves,
    IReadOnlyList<AdjustedDifference> Differences,
    int BootstrapReplicates,
    int BootstrapFailures,
    IReadOnlyList<string> Warnings);

/// <summary>
/// One level's standardised curve: S(t) at every distinct time of the analysed data (event or
/// censoring, as survfit), S at the requested times (null past the last time), and the restricted
/// mean survival time up to tau (null without tau or when tau is past the last time).
/// </summary>
public sealed record StandardizedCurve(string Level, IReadOnlyList<double> Time, IReadOnlyList<double> Survival, IReadOnlyList<double?> AtTimes, double? Rmst);

/// <summary>A level against the reference: the survival differences at the requested times and the
/// RMST difference, each with its bootstrap interval when one was asked for.</summary>
public sealed record AdjustedDifference(string Level, IReadOnlyList<AdjustedEffect> Survival, AdjustedEffect? Rmst);

/// <summary>An absolute effect (level minus reference) at <see cref="Time"/> (tau for the RMST), with the
/// bootstrap standard error and percentile interval (type-7 quantiles of the replicates), null without
/// a bootstrap or where it is not defined.</summary>
public sealed record AdjustedEffect(double Time, double? Estimate, double? StdErr, double? Lower, double? Upper);
