using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// One-way analysis of variance (equal variances), F = (SS_between / (k − 1)) / (SS_within / (N − k)),
/// as R's <c>anova(lm(y ~ g))</c> or <c>oneway.test(var.equal = TRUE)</c>. Groups without values are
/// left out of k.
/// </summary>
public static class OneWayAnova
{
    private const string Method = "One-way analysis of variance";

    /// <summary>Values with group codes (NaN value or negative code = missing).</summary>
    public static TestResult Test(ReadOnlySpan<double> values, ReadOnlySpan<int> groups) =>
        Test(GroupedSample.From(values, groups));

    /// <summary>One array of values per group.</summary>
    public static TestResult TestSamples(params double[][] samples) => Test(GroupedSample.From(samples));

    internal static TestResult Test(IGroupSums sample)
    {
        var result = new TestResult { Method = Method, StatisticName = "F", N = checked((int)sample.Total) };
        var k = sample.GroupCount;
        var n = sample.Total;
        if (k < 2) return result with { Warnings = [$"{k} group(s) with values; the test needs at least two"] };
        if (n - k < 1) return result with { Warnings = ["every group has a single value; there is no within-group variance"] };
        if (sample.IsConstant()) return result with { Warnings = ["all values are identical"] };

        var means = sample.Means();
        var grand = sample.GrandMean();
        var between = 0.0;
        for (var g = 0; g < k; g++) between += sample.Size(g) * (means[g] - grand) * (means[g] - grand);
        var within = sample.SumsOfSquares(means).Sum();
        double df1 = k - 1, df2 = n - k;
        if (within == 0)
            return result with { DegreesOfFreedom = df1, DegreesOfFreedom2 = df2, Warnings = ["no variation within groups; F is infinite"] };
        var f = between / df1 / (within / df2);
        return result with { Statistic = f, DegreesOfFreedom = df1, DegreesOfFreedom2 = df2, P = FisherF.UpperTail(f, df1, df2) };
    }
}
