using System.Globalization;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

public static partial class WelchAnova
{
    /// <summary>Welch's test from counts of distinct values per group (see <see cref="CountedSample"/>):
    /// the same F, degrees of freedom and p as on the rows, to the order of floating-point sums.</summary>
    internal static TestResult Test(CountedSample sample)
    {
        var result = new TestResult { Method = Method, StatisticName = "F", N = checked((int)sample.N) };
        var k = sample.GroupCount;
        if (k < 2) return result with { Warnings = [$"{k} group(s) with values; the test needs at least two"] };
        if (sample.Counts.Any(c => c < 2)) return result with { Warnings = ["a group has fewer than two values; its variance is undefined"] };
        if (sample.IsConstant()) return result with { Warnings = ["all values are identical"] };

        var means = sample.Means();
        var ss = sample.SumsOfSquares(means);
        var weights = new double[k];
        for (var g = 0; g < k; g++)
        {
            var variance = ss[g] / (sample.Counts[g] - 1);
            if (variance == 0)
                return result with { Warnings = [string.Create(CultureInfo.InvariantCulture, $"group {g + 1} (of those with values) has zero variance; Welch's weights are undefined")] };
            weights[g] = sample.Counts[g] / variance;
        }
        return Statistic(result, weights, means, sample.Counts);
    }
}
