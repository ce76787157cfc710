using Pnen.Stats.Descriptive;
using Pnen.Stats.Tests.Hypothesis;

namespace Pnen.Stats.Tests.Descriptive;

/// <summary>
/// Summaries against R 4.2.2 (sprintf("%.17g")):
/// <code>
/// x &lt;- c(3.2, NA, 1.5, 7.8, 2.2, NA, 4.4, 9.1, 0.3, 5.5, 2.2)
/// mean(x, na.rm = TRUE)   # 4.0222222222222221
/// sd(x, na.rm = TRUE)     # 2.9562551385907887
/// median(x, na.rm = TRUE) # 3.2000000000000002
/// quantile(x, c(0.25, 0.75), na.rm = TRUE)                  # 2.2000000000000002, 5.5
/// quantile(c(10, 20, 30, 40), c(0.1, 0.25, 0.5, 0.75, 0.9, 0.33)) # 13, 17.5, 25, 32.5, 37, 19.900000000000002
/// </code>
/// </summary>
public class SummaryTests
{
    [Fact]
    public void ContinuousSummaryMatchesR()
    {
        var s = ContinuousSummary.Of([3.2, double.NaN, 1.5, 7.8, 2.2, double.NaN, 4.4, 9.1, 0.3, 5.5, 2.2]);
        Assert.Equal(9, s.N);
        Assert.Equal(2, s.Missing);
        Near.Equal(4.0222222222222221, s.Mean, 1e-14, "mean");
        Near.Equal(2.9562551385907887, s.Sd, 1e-14, "sd");
        Near.Equal(3.2000000000000002, s.Median, 1e-15, "median");
        Near.Equal(2.2000000000000002, s.Q1, 1e-15, "q1");
        Near.Equal(5.5, s.Q3, 1e-15, "q3");
        Assert.Equal(0.3, s.Min);
        Assert.Equal(9.1, s.Max);
    }

    [Theory]
    [InlineData(0.1, 13)]
    [InlineData(0.25, 17.5)]
    [InlineData(0.5, 25)]
    [InlineData(0.75, 32.5)]
    [InlineData(0.9, 37)]
    [InlineData(0.33, 19.900000000000002)]
    public void Type7Quantiles(double p, double expected) =>
        Near.Equal(expected, Quantiles.Type7([10, 20, 30, 40], p), 1e-15, $"q({p})");

    [Fact]
    public void SummariesOfTooFewValuesAreNullNotNaN()
    {
        var none = ContinuousSummary.Of([double.NaN, double.NaN]);
        Assert.Equal(0, none.N);
        Assert.Equal(2, none.Missing);
        Assert.Null(none.Mean);
        Assert.Null(none.Median);
        var one = ContinuousSummary.Of([4.5]);
        Assert.Equal(4.5, one.Mean);
        Assert.Null(one.Sd);
        Assert.Equal(4.5, one.Q1);
    }

    [Fact]
    public void CategoricalCountsAndColumnPercents()
    {
        var s = CategoricalSummary.Of([0, 1, 1, -1, 2, 1, -1], 4);
        Assert.Equal([1, 3, 1, 0], s.Counts.ToArray());
        Assert.Equal(5, s.N);
        Assert.Equal(2, s.Missing);
        Assert.Equal([20.0, 60.0, 20.0, 0.0], s.Percents.Select(p => p!.Value).ToArray());
        var empty = CategoricalSummary.Of([-1, -1], 2);
        Assert.All(empty.Percents, p => Assert.Null(p));
        Assert.Throws<ArgumentOutOfRangeException>(() => CategoricalSummary.Of([0, 2], 2));
    }
}
