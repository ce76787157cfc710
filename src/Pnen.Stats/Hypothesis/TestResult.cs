using System.Collections.Immutable;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The outcome of a hypothesis test. A test that cannot be computed on its input (too few values,
/// a single group, every value equal, an empty table) is not an error: it comes back with a null
/// statistic and p-value and a warning that says why, never with NaN.
/// </summary>
public record TestResult
{
    /// <summary>What was computed, worded as R's <c>htest</c> method line (e.g. "Pearson's Chi-squared test").</summary>
    public required string Method { get; init; }

    /// <summary>The statistic's conventional name ("X-squared", "F", "W", "t", "Kruskal-Wallis chi-squared"); null for Fisher's test, which has none.</summary>
    public string? StatisticName { get; init; }

    /// <summary>The statistic; null when the test is undefined on this input or has no statistic (Fisher).</summary>
    public double? Statistic { get; init; }

    /// <summary>Degrees of freedom (the numerator's for an F test); null when the test has none.</summary>
    public double? DegreesOfFreedom { get; init; }

    /// <summary>The denominator degrees of freedom of an F test; null otherwise.</summary>
    public double? DegreesOfFreedom2 { get; init; }

    /// <summary>The two-sided p-value, from an upper tail; null when the test is undefined on this input.</summary>
    public double? P { get; init; }

    /// <summary>Number of observations the test used (missing values left out).</summary>
    public int N { get; init; }

    /// <summary>Caveats and, for an undefined test, the reason. Never null.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>True when a p-value was computed.</summary>
    public bool IsDefined => P is not null;
}
