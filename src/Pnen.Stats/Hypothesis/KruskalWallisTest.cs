using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The Kruskal-Wallis rank sum test with the tie correction, as R's <c>kruskal.test</c>:
/// H = (12 / (N(N+1)) Σ R_i²/n_i − 3(N+1)) / (1 − Σ(t³ − t)/(N³ − N)), chi-square with k − 1 df.
/// Groups without values are left out of k.
/// </summary>
public static partial class KruskalWallisTest
{
    private const string Method = "Kruskal-Wallis rank sum test";

    /// <summary>Values with group codes (NaN value or negative code = missing).</summary>
    public static TestResult Test(ReadOnlySpan<double> values, ReadOnlySpan<int> groups) =>
        Test(GroupedSample.From(values, groups));

    /// <summary>One array of values per group.</summary>
    public static TestResult TestSamples(params double[][] samples) => Test(GroupedSample.From(samples));

    internal static TestResult Test(GroupedSample sample)
    {
        var result = new TestResult { Method = Method, StatisticName = "Kruskal-Wallis chi-squared", N = sample.N };
        int k = sample.GroupCount;
        if (k < 2) return result with { Warnings = [$"{k} group(s) with values; the test needs at least two"] };
        if (sample.IsConstant()) return result with { Warnings = ["all values are identical; there is nothing to rank"] };
        return Test(RankedSample.Of(sample));
    }

    /// <summary>From values already ranked, in two or more non-empty groups and not all equal; groups without values are left out of k.</summary>
    internal static TestResult Test(RankedSample ranked)
    {
        var n = ranked.N;
        var (rankSums, ties) = ranked.RankSums();
        var sum = 0.0;
        var k = 0;
        for (var g = 0; g < ranked.GroupCount; g++)
        {
            if (ranked.Counts[g] == 0) continue;
            sum += rankSums[g] * rankSums[g] / ranked.Counts[g];
            k++;
        }
        return Statistic(sum, n, ties, k);
    }

    /// <summary>H from Σ R_g²/n_g over the k groups with values, N and Σ(t³ − t), and its p.</summary>
    private static TestResult Statistic(double sum, long n, double ties, int k)
    {
        double dn = n;
        var h = (12 * sum / (dn * (dn + 1)) - 3 * (dn + 1)) / (1 - ties / (dn * dn * dn - dn));
        var df = k - 1;
        return new TestResult
        {
            Method = Method,
            StatisticName = "Kruskal-Wallis chi-squared",
            N = checked((int)n),
            Statistic = h,
            DegreesOfFreedom = df,
            P = ChiSquared.UpperTail(h, df),
        };
    }
}
