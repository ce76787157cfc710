namespace Pnen.Stats.Balance;

/// <summary>
/// The balance of one covariate (one level of a categorical covariate, <see cref="Level"/>; null for a
/// numeric one) between <see cref="TreatmentLevel"/> and the reference level: means (proportions for a
/// level) in each, unweighted and weighted, and the standardised differences before and after
/// weighting. A difference is null when it cannot be defined (a zero denominator, an arm of one).
/// </summary>
public sealed record BalanceRow(
    string Variable,
    string? Level,
    string TreatmentLevel,
    double MeanBefore,
    double ReferenceMeanBefore,
    double? MeanAfter,
    double? ReferenceMeanAfter,
    double? SmdBefore,
    double? SmdAfter);
