using Pnen.Stats.Baseline;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// A plan as plain data: what each step declared, with the stable ids (<see cref="VariableDeclaration.Id"/>,
/// <see cref="ModelDeclaration.Id"/>, ...) that name the generated typed results. Renderers describe the
/// methods from it; nothing in it can be evaluated.
/// </summary>
public sealed partial record PlanDeclaration(
    string Name,
    string Population,
    OutcomeDeclaration? Outcome,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<VariableDeclaration> Strata,
    VariableDeclaration Exposure,
    IReadOnlyList<VariableDeclaration> Characteristics,
    BaselineDeclaration? Baseline,
    bool Univariate,
    IReadOnlyList<ModelDeclaration> Models,
    IReadOnlyList<double> SurvivalTimes,
    double? RestrictedMeanTau,
    IReadOnlyList<SubgroupDeclaration> Subgroups,
    IReadOnlyList<SelectionDeclaration> Selections,
    ExposureStartDeclaration? ExposureStart,
    IReadOnlyList<double> Landmarks)
{
    /// <summary>A randomised trial (<c>.Randomised()</c>).</summary>
    public bool Randomised { get; init; }
}

/// <summary>When the exposure starts (a label), and whether the main analyses are time-dependent or only the
/// immortal-time check is.</summary>
public sealed record ExposureStartDeclaration(string StartsAt, bool TimeDependentMain);

/// <summary>The outcome: the time's and the event's labels, and the time unit.</summary>
public sealed record OutcomeDeclaration(string TimeLabel, string EventLabel, string? Unit)
{
    /// <summary>The data's and the report's units when the plan names them (<c>unit: TimeUnit.Days, report:
    /// TimeUnit.Years</c>): every time in the results is in the report's unit, <see cref="Unit"/>.</summary>
    public TimeScale? Scale { get; init; }
}

/// <summary>A variable as the plan uses it: id, label, kind, levels with the reference, and how it was derived.</summary>
public sealed record VariableDeclaration(
    string Id,
    string Label,
    CharacteristicKind Kind,
    IReadOnlyList<string> Levels,
    string? Reference,
    string? Unit,
    Derivation? Derivation,
    bool InBaselineTable)
{
    /// <summary>A yes/no variable (a boolean, or levels "No" and "Yes"): one row in Table 1, its second level's count.</summary>
    public bool YesNo { get; init; }
}

/// <summary>The baseline table: its grouping and tests.</summary>
public sealed record BaselineDeclaration(string By, CategoricalTestChoice Categorical, ContinuousTestChoice Continuous, bool PValues, bool StandardisedDifferences)
{
    /// <summary>An "Overall" column beside the groups.</summary>
    public bool Overall { get; init; }
}

/// <summary>A Cox model: its terms (the exposure first), strata of its own, and its screen when it has one.</summary>
public sealed record ModelDeclaration(string Id, string Name, CoxTies Ties, IReadOnlyList<TermDeclaration> Terms, IReadOnlyList<VariableDeclaration> Strata, Screen? Screen)
{
    /// <summary>Fitted by Firth's penalised partial likelihood (<c>m.Firth()</c>), not by coxph's.</summary>
    public bool Firth { get; init; }

    /// <summary>The cluster of a robust variance (<c>m.Cluster(p =&gt; p.Centre)</c>), or null.</summary>
    public VariableDeclaration? Cluster { get; init; }
}

/// <summary>A term of a model. <see cref="Variable"/> is null for an interaction, which names its two terms' ids.</summary>
public sealed record TermDeclaration(string Id, string Label, TermForm Form, VariableDeclaration? Variable, double PerUnit, int SplineDf, string? First, string? Second);

/// <summary>A subgroup: its exclusions' reasons and its analyses within selections.</summary>
public sealed record SubgroupDeclaration(string Id, string Name, string? Description, IReadOnlyList<string> Exclusions, IReadOnlyList<SelectionDeclaration> Selections);

/// <summary>An analysis within a selection: the effects it estimates.</summary>
public sealed record SelectionDeclaration(string Id, string Name, IReadOnlyList<VariableDeclaration> Effects);
