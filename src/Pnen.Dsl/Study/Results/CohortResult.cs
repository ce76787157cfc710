using Pnen.Stats.Survival;

namespace Pnen.Dsl;

/// <summary>
/// Everything a plan computes on one cohort (the final cohort or a subgroup): survival overall and
/// by exposure, the baseline table, the univariate and multivariable analyses, analyses within
/// selections, and notes on what was not tested and why.
/// </summary>
public sealed class CohortResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _exposureCode;

    internal CohortResult(string name, Func<TX, int> exposureCode) 
    {
        Name = name;
        _exposureCode = exposureCode;
    }

    public string Name { get; }

    public required int N { get; init; }

    public required int Events { get; init; }

    /// <summary>Median follow-up by the reverse Kaplan-Meier method (censoring as the event).</summary>
    public required double? MedianFollowUp { get; init; }

    public required KaplanMeierCurve Overall { get; init; }

    public required string ExposureLabel { get; init; }

    /// <summary>One curve per exposure level, in level order (n = 0 for a level without records).</summary>
    public required IReadOnlyList<KaplanMeierCurve> ExposureCurves { get; init; }

    public required LogRankResult ExposureLogRank { get; init; }

    /// <summary>The baseline table (Table 1) of this cohort, when the plan asks for one.</summary>
    public Stats.Baseline.BaselineTable? BaselineTable { get; init; }

    public IReadOnlyList<UnivariateResult> Univariate { get; init; } = [];

    /// <summary>The multivariable model: <c>cohort.Multivariable[Surgery.PHR].HazardRatio</c>. Throws when the plan
    /// declares no model; <see cref="HasMultivariable"/> says whether it does.</summary>
    public MultivariableResult<TX> Multivariable => MultivariableOrNull
        ?? throw new InvalidOperationException($"The plan declares no multivariable model for {Name}: add .Multivariable(...) to it.");

    public bool HasMultivariable => MultivariableOrNull is not null;

    internal MultivariableResult<TX>? MultivariableOrNull { get; init; }

    public IReadOnlyList<WithinResult> Within { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The Kaplan-Meier curve of an exposure level.</summary>
    public KaplanMeierCurve this[TX level] => ExposureCurves[_exposureCode(level)];

    /// <summary>The univariate row of a characteristic, by label.</summary>
    public UnivariateResult UnivariateOf(string characteristic) => Univariate.Single(u => u.Characteristic == characteristic);

    public WithinResult WithinSelection(string name) => Within.Single(w => w.Name == name);
}
