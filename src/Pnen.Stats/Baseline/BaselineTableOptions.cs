using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Baseline;

/// <summary>Which test a categorical row gets.</summary>
public enum CategoricalTestChoice
{
    /// <summary>Pearson chi-square unless an expected count is below 5, then Fisher's exact test (gtsummary's rule).</summary>
    Auto,

    /// <summary>Pearson chi-square without continuity correction, always (what the paper did in SPSS).</summary>
    ChiSquare,

    /// <summary>Fisher's exact test, always.</summary>
    Fisher,
}

/// <summary>Which test a continuous row gets.</summary>
public enum ContinuousTestChoice
{
    /// <summary>One-way ANOVA if Shapiro-Wilk of the whole variable does not reject normality, else Kruskal-Wallis (Wilcoxon for two groups).</summary>
    Auto,

    /// <summary>One-way ANOVA (equal variances).</summary>
    Anova,

    /// <summary>Welch's ANOVA (unequal variances).</summary>
    Welch,

    /// <summary>Kruskal-Wallis, whatever the number of groups.</summary>
    Kruskal,
}

/// <summary>Options of <see cref="BaselineTableBuilder"/>.</summary>
public sealed record BaselineTableOptions
{
    public static BaselineTableOptions Default { get; } = new();

    public CategoricalTestChoice CategoricalTest { get; init; } = CategoricalTestChoice.Auto;

    public ContinuousTestChoice ContinuousTest { get; init; } = ContinuousTestChoice.Auto;

    /// <summary>Compute tests and P values (STROBE discourages them in a descriptive table; many journals want them).</summary>
    public bool IncludeP { get; init; } = true;

    /// <summary>Compute standardised mean differences.</summary>
    public bool IncludeSmd { get; init; }

    /// <summary>Shapiro-Wilk p at or above this counts as normal in the automatic rule.</summary>
    public double NormalityAlpha { get; init; } = 0.05;

    /// <summary>How Fisher's test is computed (exact budget, Monte Carlo fallback and seed).</summary>
    public FisherExactOptions Fisher { get; init; } = FisherExactOptions.Default;
}
