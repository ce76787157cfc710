namespace Pnen.Stats.Hypothesis;

/// <summary>What the variance tests (ANOVA, Welch) need of a k-sample: group sizes, means, sums
/// of squares and the grand mean; from the values (<see cref="GroupedSample"/>) or from counts of
/// distinct values (<see cref="CountedSample"/>).</summary>
internal interface IGroupSums
{
    int GroupCount { get; }

    /// <summary>All values.</summary>
    long Total { get; }

    /// <summary>Values in group g (each non-empty).</summary>
    long Size(int g);

    bool IsConstant();

    double[] Means();

    double[] SumsOfSquares(double[] means);

    double GrandMean();
}
