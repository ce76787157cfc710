namespace Pnen.Stats.Hypothesis;

public static partial class KruskalWallisTest
{
    /// <summary>The test from counts of distinct values per group (see <see cref="CountedSample"/>):
    /// the same H, tie correction and p as <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{int})"/> on the rows.</summary>
    internal static TestResult Test(CountedSample sample)
    {
        var result = new TestResult { Method = Method, StatisticName = "Kruskal-Wallis chi-squared", N = checked((int)sample.N) };
        var k = sample.GroupCount;
        if (k < 2) return result with { Warnings = [$"{k} group(s) with values; the test needs at least two"] };
        if (sample.IsConstant()) return result with { Warnings = ["all values are identical; there is nothing to rank"] };
        var (rankSums, ties) = sample.RankSums();
        var sum = 0.0;
        for (var g = 0; g < k; g++) sum += rankSums[g] * rankSums[g] / sample.Counts[g];
        return Statistic(sum, sample.N, ties, k);
    }
}
