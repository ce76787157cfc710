using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The two-sided Wilcoxon rank-sum test (Mann-Whitney U), as R's <c>wilcox.test(x, y)</c>. The
/// statistic W is R's: the rank sum of <c>x</c> minus n_x(n_x + 1)/2.
/// </summary>
/// <remarks>
/// By default (as R with <c>exact = NULL</c>) the p-value is exact when both samples have fewer than
/// 50 values and there are no ties, doubling the smaller tail of W's exact distribution; otherwise
/// it is the normal approximation with the tie-corrected variance
/// n_x n_y/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))) and, unless turned off, the continuity correction
/// of 0.5 towards the mean.
/// </remarks>
public static partial class MannWhitneyTest
{
    private const int ExactLimit = 50;

    /// <param name="x">The first sample (NaN = missing); W is its rank sum minus n_x(n_x + 1)/2.</param>
    /// <param name="y">The second sample (NaN = missing).</param>
    /// <param name="exact">True or false to force; null (default) for R's rule.</param>
    /// <param name="continuityCorrection">Apply the continuity correction to the normal approximation.</param>
    public static MannWhitneyResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool? exact = null, bool continuityCorrection = true)
    {
        var values = new double[x.Length + y.Length];
        var nx = Copy(x, values, 0);
        var ny = Copy(y, values, nx);
        if (nx == 0 || ny == 0)
            return new MannWhitneyResult { Method = "Wilcoxon rank sum test", StatisticName = "W", N = nx + ny, Warnings = ["each sample needs at least one value"] };
        var groups = new int[nx + ny];
        groups.AsSpan(nx).Fill(1);
        return Test(RankedSample.Of(values.AsSpan(0, nx + ny), groups, 2), xGroup: 0, exact, continuityCorrection);
    }

    /// <summary>From ranked values in exactly two non-empty groups, <paramref name="xGroup"/> being x.</summary>
    internal static MannWhitneyResult Test(RankedSample ranked, int xGroup, bool? exact = null, bool continuityCorrection = true)
    {
        int nx = ranked.Counts[xGroup], ny = ranked.N - nx;
        var (rankSums, ties) = ranked.RankSums();
        return FromRankSum(rankSums[xGroup], nx, ny, ties, exact, continuityCorrection);
    }

    /// <summary>W and its p-value by R's rule (see the remarks) from the rank sum of x and Σ(t³ − t).</summary>
    private static MannWhitneyResult FromRankSum(double rankSumX, int nx, int ny, double ties, bool? exact, bool continuityCorrection)
    {
        var w = rankSumX - nx * (nx + 1.0) / 2;
        var result = new MannWhitneyResult { Method = "Wilcoxon rank sum test", StatisticName = "W", N = nx + ny, Statistic = w };

        var wantExact = exact ?? (nx < ExactLimit && ny < ExactLimit);
        var hasTies = ties > 0;
        if (wantExact && !hasTies && nx <= WilcoxonRankSum.MaxSampleSize && ny <= WilcoxonRankSum.MaxSampleSize)
        {
            var p = w > nx * (double)ny / 2
                ? WilcoxonRankSum.UpperTail(w - 1, nx, ny)
                : WilcoxonRankSum.LowerTail(w, nx, ny);
            return result with { Method = "Wilcoxon rank sum exact test", P = Math.Min(1, 2 * p), IsExact = true };
        }

        var warnings = new List<string>();
        if (wantExact && exact == true)
            warnings.Add(hasTies ? "cannot compute exact p-value with ties" : "the samples are too large for the exact distribution");
        double n = nx + ny;
        var variance = nx * (double)ny / 12 * (n + 1 - ties / (n * (n - 1)));
        if (variance <= 0) return result with { Statistic = null, Warnings = [.. warnings, "all values are identical"] };
        var z = w - nx * (double)ny / 2;
        var correction = continuityCorrection ? Math.Sign(z) * 0.5 : 0;
        z = (z - correction) / Math.Sqrt(variance);
        return result with
        {
            Method = continuityCorrection ? "Wilcoxon rank sum test with continuity correction" : result.Method,
            P = Math.Min(1, 2 * Normal.UpperTail(Math.Abs(z))),
            Warnings = [.. warnings],
        };
    }

    private static int Copy(ReadOnlySpan<double> source, double[] target, int at)
    {
        var count = 0;
        foreach (var v in source)
        {
            if (double.IsInfinity(v)) throw new ArgumentException("values must be finite (NaN marks a missing value)");
            if (!double.IsNaN(v)) target[at + count++] = v;
        }
        return count;
    }
}
