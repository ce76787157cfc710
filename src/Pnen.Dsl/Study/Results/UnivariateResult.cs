using Pnen.Stats.Survival;

namespace Pnen.Dsl;

/// <summary>Survival in one level of a characteristic: count, share, events, Kaplan-Meier median and quartiles
/// (null = not reached).</summary>
public sealed record LevelSurvival(string Level, int N, double Percent, int Events, double? Median, double? Q25, double? Q75);

/// <summary>
/// The univariate survival analysis of one characteristic: per-level Kaplan-Meier and the log-rank
/// test (a univariable Cox model for a continuous one). <see cref="PValue"/> is null when the
/// characteristic was not tested, and <see cref="Note"/> says why (e.g. constant in the cohort).
/// </summary>
public sealed record UnivariateResult(
    string Characteristic,
    CharacteristicKind Kind,
    bool IsExposure,
    IReadOnlyList<LevelSurvival> Levels,
    int Missing,
    double? PValue,
    LogRankResult? LogRank,
    string? Note);
