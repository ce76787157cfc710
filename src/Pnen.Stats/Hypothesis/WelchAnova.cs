using System.Globalization;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// Welch's one-way analysis of means without assuming equal variances, as R's
/// <c>oneway.test(var.equal = FALSE)</c>: weights w_i = n_i / s_i², F with k − 1 and
/// (k² − 1) / (3 Σ (1 − w_i/Σw)² / (n_i − 1)) degrees of freedom. Every group needs two values and
/// a non-zero variance.
/// </summary>
public static class WelchAnova
{
    private const string Method = "One-way analysis of means (not assuming equal variances)";

    /// <summary>Values with group codes (NaN value or negative code = missing).</summary>
    public static TestResult Test(ReadOnlySpan<double> values, ReadOnlySpan<int> groups) =>
        Test(GroupedSample.From(values, groups));

    /// <summary>One array of values per group.</summary>
    public static TestResult TestSamples(params double[][] samples) => Test(GroupedSample.From(samples));

    internal static TestResult Test(IGroupSums sample)
    {
        var result = new TestResult { Method = Method, StatisticName = "F", N = checked((int)sample.Total) };
        var k = sample.GroupCount;
        if (k < 2) return result with { Warnings = [$"{k} group(s) with values; the test needs at least two"] };
        if (Enumerable.Range(0, k).Any(g => sample.Size(g) < 2)) return result with { Warnings = ["a group has fewer than two values; its variance is undefined"] };
        if (sample.IsConstant()) return result with { Warnings = ["all values are identical"] };

        var means = sample.Means();
        var ss = sample.SumsOfSquares(means);
        var weights = new double[k];
        for (var g = 0; g < k; g++)
        {
            var variance = ss[g] / (sample.Size(g) - 1);
            if (variance == 0)
                return result with { Warnings = [string.Create(CultureInfo.InvariantCulture, $"group {g + 1} (of those with values) has zero variance; Welch's weights are undefined")] };
            weights[g] = sample.Size(g) / variance;
        }
        var sumW = weights.Sum();
        var tmp = 0.0;
        var weightedMean = 0.0;
        for (var g = 0; g < k; g++)
        {
            var share = 1 - weights[g] / sumW;
            tmp += share * share / (sample.Size(g) - 1);
            weightedMean += weights[g] * means[g];
        }
        tmp /= (double)k * k - 1;
        weightedMean /= sumW;
        var spread = 0.0;
        for (var g = 0; g < k; g++) spread += weights[g] * (means[g] - weightedMean) * (means[g] - weightedMean);
        var f = spread / ((k - 1) * (1 + 2 * (k - 2) * tmp));
        double df1 = k - 1, df2 = 1 / (3 * tmp);
        return result with { Statistic = f, DegreesOfFreedom = df1, DegreesOfFreedom2 = df2, P = FisherF.UpperTail(f, df1, df2) };
    }
}
