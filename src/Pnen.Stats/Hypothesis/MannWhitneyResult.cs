namespace Pnen.Stats.Hypothesis;

/// <summary>The Wilcoxon rank-sum (Mann-Whitney) test, saying whether the p-value is exact.</summary>
public sealed record MannWhitneyResult : TestResult
{
    /// <summary>True when the p-value comes from the exact distribution of W.</summary>
    public bool IsExact { get; init; }
}
