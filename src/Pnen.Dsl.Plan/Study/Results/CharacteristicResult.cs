using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// The univariate survival analysis of one characteristic in one cohort: Kaplan-Meier per level, the
/// log-rank test (stratified when the plan is), and the univariable Cox hazard ratios (as gtsummary's
/// tbl_uvregression). A continuous characteristic has no levels and is tested by the Wald test of
/// its univariable model. <see cref="P"/> is null when it was not tested, and <see cref="Note"/> says why.
/// </summary>
public sealed class CharacteristicResult
{
    internal CharacteristicResult(VariableDeclaration declaration, IReadOnlyList<object> levelValues) 
    {
        Declaration = declaration;
        LevelValues = levelValues;
    }

    public VariableDeclaration Declaration { get; }

    /// <summary>The values the levels stand for, in level order (for typed lookups).</summary>
    internal IReadOnlyList<object> LevelValues { get; }

    public string Id => Declaration.Id;

    public string Label => Declaration.Label;

    public CharacteristicKind Kind => Declaration.Kind;

    /// <summary>Whether this is the exposure's own row.</summary>
    public required bool IsExposure { get; init; }

    public required IReadOnlyList<LevelSurvival> Levels { get; init; }

    /// <summary>Records without a value.</summary>
    public required int Missing { get; init; }

    /// <summary>The log-rank test of a categorical characteristic, or the Wald test of a continuous one.</summary>
    public TestResult? Test { get; init; }

    /// <summary>The log-rank test (categorical characteristics only).</summary>
    public TestResult? LogRank => Test is { Kind: TestKind.LogRank } test ? test : null;

    public double? P => Test?.P;

    /// <summary>The observed and expected events behind the log-rank test.</summary>
    public LogRankResult? LogRankDetail { get; init; }

    /// <summary>Univariable hazard ratios: the reference row, then each level's (or one row per unit of a number).</summary>
    public IReadOnlyList<Estimate> HazardRatios { get; init; } = [];

    /// <summary>The univariable Cox model behind <see cref="HazardRatios"/>.</summary>
    public CoxResult? Model { get; init; }

    public Note? Note { get; init; }

    /// <summary>The survival and hazard ratio of one level, by its label.</summary>
    internal (LevelSurvival? Survival, Estimate? HazardRatio) Level(int code) =>
        (code >= 0 && code < Levels.Count ? Levels[code] : null, HazardRatios.FirstOrDefault(e => e.Level == Declaration.Levels.ElementAtOrDefault(code)));
}
