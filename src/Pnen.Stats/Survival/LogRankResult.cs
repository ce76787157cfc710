namespace Pnen.Stats.Survival;

/// <summary>Observed and expected (weighted) events of one group, summed over strata.</summary>
public sealed record LogRankGroup(string Level, int N, double Observed, double Expected);

/// <summary>
/// The k-sample (weighted) log-rank test. <see cref="ChiSquare"/> and <see cref="PValue"/> are
/// null when there is nothing to compare (fewer than two groups with expected events); the
/// reason is in <see cref="Warnings"/>.
/// </summary>
public sealed record LogRankResult(
    double? ChiSquare,
    int DegreesOfFreedom,
    double? PValue,
    double Rho,
    IReadOnlyList<LogRankGroup> Groups,
    IReadOnlyList<string> Warnings);
