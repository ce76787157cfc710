using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Survival.Standardization;

/// <summary>Options of <see cref="CoxStandardization"/>.</summary>
public sealed record StandardizationOptions
{
    public static readonly StandardizationOptions Default = new();

    /// <summary>The Cox fit: its ties also choose the baseline hazard (Breslow's for breslow, Efron's
    /// for efron, as survfit.coxph's default ctype).</summary>
    public CoxOptions Cox { get; init; } = CoxOptions.Default;

    /// <summary>Times at which the standardised survival and its differences are reported.</summary>
    public IReadOnlyList<double> Times { get; init; } = [];

    /// <summary>The horizon of the restricted mean survival time; null = none.</summary>
    public double? Tau { get; init; }

    /// <summary>Bootstrap replicates for the confidence intervals of the differences; 0 = none.</summary>
    public int Bootstrap { get; init; }

    /// <summary>The seed of the bootstrap: rows are drawn as R's <c>set.seed(seed)</c> then
    /// <c>sample(n, replace = TRUE)</c> once per replicate, so a seed gives the same intervals every time.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The level of the percentile intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
