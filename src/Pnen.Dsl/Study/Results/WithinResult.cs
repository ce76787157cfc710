using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>The effect of one characteristic on survival within a selection: per-level survival,
/// the log-rank test, and the univariable Cox hazard ratios against the reference.</summary>
public sealed record EffectResult(
    string Characteristic,
    IReadOnlyList<LevelSurvival> Levels,
    IReadOnlyList<AdjustedEstimate> Estimates,
    LogRankResult? LogRank,
    CoxResult? Model,
    string? Note)
{
    /// <summary>The estimate of a non-reference level.</summary>
    public AdjustedEstimate this[string level] => Estimates.Single(e => e.Level == level);
}

/// <summary>Analyses within a selection of a cohort (e.g. one arm).</summary>
public sealed record WithinResult(string Name, int N, int Events, IReadOnlyList<EffectResult> Effects)
{
    public EffectResult this[string characteristic] => Effects.Single(e => e.Characteristic == characteristic);
}
