namespace Pnen.Dsl;

public sealed partial class CohortResult<TX>
{
    /// <summary>The propensity-score weighted analysis (null when the plan declares no <c>.Weighting</c>).</summary>
    public WeightingResult<TX>? Weighting { get; init; }

    /// <summary>The adjusted curves by direct standardisation (null when the plan declares no <c>.AdjustedCurves</c>).</summary>
    public AdjustedCurvesResult<TX>? AdjustedCurves { get; init; }

    /// <summary>Whether the outcome is common in this cohort, which decides how its E-values take a hazard ratio
    /// as a risk ratio (<see cref="EValues.For"/>).</summary>
    public EValueOutcome EValueOutcome => EValueOutcome.Of(Overall);
}
