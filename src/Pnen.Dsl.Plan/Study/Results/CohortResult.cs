using Pnen.Stats.Survival;

namespace Pnen.Dsl;

/// <summary>
/// Everything a plan computes on one cohort (the final cohort or a subgroup): survival overall and
/// by exposure, the baseline table, the univariate analysis of each characteristic, each model,
/// survival at fixed times and restricted means, analyses within selections, the P for interaction
/// of a subgroup, and notes on what was not tested and why.
/// </summary>
public sealed partial class CohortResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _exposureCode;

    internal CohortResult(string id, string name, Func<TX, int> exposureCode)
    {
        Id = id;
        Name = name;
        _exposureCode = exposureCode;
    }

    /// <summary>The subgroup's id (its generated property), or "Cohort" for the final cohort.</summary>
    public string Id { get; }

    public string Name { get; }

    public required int N { get; init; }

    public required int Events { get; init; }

    /// <summary>Median follow-up by the reverse Kaplan-Meier method (censoring as the event).</summary>
    public required double? MedianFollowUp { get; init; }

    public required KaplanMeierCurve Overall { get; init; }

    public required string ExposureLabel { get; init; }

    /// <summary>One curve per exposure level, in level order (n = 0 for a level without records).</summary>
    public required IReadOnlyList<KaplanMeierCurve> ExposureCurves { get; init; }

    /// <summary>The log-rank test of the exposure (stratified when the plan is).</summary>
    public required LogRankResult ExposureLogRank { get; init; }

    /// <summary>The baseline table (Table 1) of this cohort, when the plan asks for one.</summary>
    public Stats.Baseline.BaselineTable? BaselineTable { get; init; }

    /// <summary>The univariate analysis of each characteristic, in plan order (the exposure's row where the
    /// plan lists it, else first); empty without <c>.Univariate()</c>.</summary>
    public IReadOnlyList<CharacteristicResult> Characteristics { get; init; } = [];

    /// <summary>Each model of the plan, in plan order (time-dependent when the exposure declares its start).</summary>
    public ModelSet<TX> Models { get; init; } = new([]);

    /// <summary>Whether the exposure's analyses (curves, log-rank test, models) are time-dependent: Simon-Makuch
    /// curves, the Mantel-Byar test, and (start, stop] models.</summary>
    public bool TimeDependentExposure { get; init; }

    /// <summary>The immortal-time check (null unless the plan declares when the exposure starts).</summary>
    public ImmortalTimeResult<TX>? ImmortalTime { get; init; }

    /// <summary>Survival at the plan's times per exposure level (null when the plan names no times).</summary>
    public SurvivalAtResult<TX>? SurvivalAt { get; init; }

    /// <summary>Restricted mean survival per exposure level (null when the plan names no horizon).</summary>
    public RestrictedMeanResult<TX>? RestrictedMean { get; init; }

    public IReadOnlyList<WithinResult> Within { get; init; } = [];

    /// <summary>A subgroup's P for interaction of the exposure with membership (null for the final cohort).</summary>
    public SubgroupInteraction? Interaction { get; init; }

    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>The Kaplan-Meier curve of an exposure level.</summary>
    public KaplanMeierCurve this[TX level] => ExposureCurves[_exposureCode(level)];

    // The lookups of generated code, by the plan's stable ids (Pnen.Shared.PlanNames), never labels.

    public CharacteristicResult Characteristic(string id) => Characteristics.FirstOrDefault(c => c.Id == id) ?? throw Missing("characteristic", id);

    public ModelResult<TX> Model(string id) => Models.Model(id);

    public WithinResult Selection(string id) => Within.FirstOrDefault(w => w.Id == id) ?? throw Missing("selection", id);

    private InvalidOperationException Missing(string what, string id) =>
        new($"{Name} has no {what} with id '{id}': the generated code and the plan disagree, which is a bug in Pnen.");
}
