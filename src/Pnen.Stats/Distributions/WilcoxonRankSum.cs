namespace Pnen.Stats.Distributions;

/// <summary>
/// The exact null distribution of the Wilcoxon rank-sum statistic W (Mann-Whitney U) for samples of
/// sizes m and n without ties, as R's <c>pwilcox</c>. W ranges over 0..m·n.
/// </summary>
// Hand-written: MathNet.Numerics has no exact Wilcoxon rank-sum distribution.
public static class WilcoxonRankSum
{
    /// <summary>The largest sample size accepted: the work grows as min(m, n)² · max(m, n) · (m + n).</summary>
    public const int MaxSampleSize = 100;

    /// <summary>P(W ≤ q).</summary>
    public static double LowerTail(double q, int m, int n)
    {
        var counts = Counts(m, n);
        var upper = Math.Min(Math.Floor(q + 1e-7), m * (double)n);
        return upper < 0 ? 0 : SumRange(counts, 0, (int)upper);
    }

    /// <summary>P(W &gt; q), summed directly over the upper tail.</summary>
    public static double UpperTail(double q, int m, int n)
    {
        var counts = Counts(m, n);
        var lower = Math.Max(Math.Floor(q + 1e-7) + 1, 0);
        return lower > m * (double)n ? 0 : SumRange(counts, (int)lower, m * n);
    }

    private static double SumRange(double[] counts, int from, int to)
    {
        double part = 0, total = 0;
        for (var u = 0; u < counts.Length; u++)
        {
            total += counts[u];
            if (u >= from && u <= to) part += counts[u];
        }
        return part / total;
    }

    /// <summary>
    /// counts[u] = number of ways W = u, i.e. the number of size-k subsets of ranks 1..m+n whose rank sum
    /// is u + k(k+1)/2 (k = min(m, n); the distribution is the same either way round). Only additions,
    /// so no cancellation even when the counts exceed 2^53.
    /// </summary>
    internal static double[] Counts(int m, int n)
    {
        if (m < 1 || n < 1) throw new ArgumentOutOfRangeException(nameof(m), "both samples need at least one value");
        if (m > MaxSampleSize || n > MaxSampleSize)
            throw new ArgumentOutOfRangeException(nameof(m), $"the exact distribution is limited to samples of {MaxSampleSize}");
        var k = Math.Min(m, n);
        var total = m + n;
        var maxU = m * n;
        // ways[j, u]: subsets of size j of the ranks seen so far with sum - j(j+1)/2 = u.
        // Adding rank r to a subset of size j-1 shifts u by r - j.
        var ways = new double[k + 1, maxU + 1];
        ways[0, 0] = 1;
        for (var r = 1; r <= total; r++)
        {
            for (var j = Math.Min(r, k); j >= 1; j--)
            {
                var shift = r - j;
                if (shift > maxU) continue;
                for (var u = maxU; u >= shift; u--) ways[j, u] += ways[j - 1, u - shift];
            }
        }
        var counts = new double[maxU + 1];
        for (var u = 0; u <= maxU; u++) counts[u] = ways[k, u];
        return counts;
    }
}
