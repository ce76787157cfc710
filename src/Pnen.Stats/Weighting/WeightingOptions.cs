namespace Pnen.Stats.Weighting;

/// <summary>
/// The population the weights stand for. ATE: the whole cohort, had everyone received each level
/// (weight 1 / P(level received | x)). ATT: the patients who received the focal level, had they
/// received each other level (focal patients 1, others P(focal | x) / P(level received | x), which for
/// two levels is p / (1 - p)); WeightIt's get_w_from_ps for binary and multi-category treatments.
/// </summary>
public enum Estimand
{
    Ate,
    Att,
}

/// <summary>How inverse-probability-of-treatment weights are made from the propensity scores.</summary>
public sealed record WeightingOptions
{
    public static readonly WeightingOptions Default = new();

    public Estimand Estimand { get; init; } = Estimand.Ate;

    /// <summary>The level index whose patients define the ATT population; null = the level other than the
    /// reference when there are two (the "treated"). Required for the ATT with three or more levels.</summary>
    public int? Focal { get; init; }

    /// <summary>Multiply each weight by the proportion of the cohort that received the patient's level
    /// (WeightIt's stabilize_w): the weights then sum to about n rather than about n × levels.</summary>
    public bool Stabilize { get; init; }

    /// <summary>Cap the weights at their type-7 quantiles Q and 1 - Q (either may be given), after
    /// stabilisation; null = no truncation. For the ATT the focal patients' weights (all 1) are left out
    /// of the quantiles and left as they are, as WeightIt's trim() leaves a group whose weights are all equal.</summary>
    public double? Truncate { get; init; }

    /// <summary>Cap the weights at their type-7 quantiles <c>Lower</c> (in (0, 0.5)) and <c>Upper</c> (in
    /// (0.5, 1)), which need not be symmetric (e.g. 0.01 and 0.95); when set it takes the place of
    /// <see cref="Truncate"/>, whose (Q, 1 − Q) is the symmetric case. Null = no truncation (or <see cref="Truncate"/>'s).</summary>
    public (double Lower, double Upper)? TruncateQuantiles { get; init; }
}
