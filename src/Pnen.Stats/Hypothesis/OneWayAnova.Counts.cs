using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

public static partial class OneWayAnova
{
    /// <summary>The F test from counts of distinct values per group (see <see cref="CountedSample"/>):
    /// the same F and p as on the rows, to the order of floating-point sums.</summary>
    internal static TestResult Test(CountedSample sample)
    {
        var result = new TestResult { Method = Method, StatisticName = "F", N = checked((int)sample.N) };
        var k = sample.GroupCount;
        var n = sample.N;
        if (k < 2) return result with { Warnings = [$"{k} group(s) with values; the test needs at least two"] };
        if (n - k < 1) return result with { Warnings = ["every group has a single value; there is no within-group variance"] };
        if (sample.IsConstant()) return result with { Warnings = ["all values are identical"] };

        var means = sample.Means();
        var grand = sample.GrandMean();
        var between = 0.0;
        for (var g = 0; g < k; g++) between += sample.Counts[g] * (means[g] - grand) * (means[g] - grand);
        var within = sample.SumsOfSquares(means).Sum();
        double df1 = k - 1, df2 = n - k;
        if (within == 0)
            return result with { DegreesOfFreedom = df1, DegreesOfFreedom2 = df2, Warnings = ["no variation within groups; F is infinite"] };
        var f = between / df1 / (within / df2);
        return result with { Statistic = f, DegreesOfFreedom = df1, DegreesOfFreedom2 = df2, P = FisherF.UpperTail(f, df1, df2) };
    }
}
