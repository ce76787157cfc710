using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// ANOVA, Welch's ANOVA and Kruskal-Wallis against R 4.2.2 (printed with sprintf("%.17g")):
/// <code>
/// g1 &lt;- c(2.9, 3.0, 2.5, 2.6, 3.2, 3.0); g2 &lt;- c(3.8, 2.7, 4.0, 2.4, 3.0); g3 &lt;- c(2.8, 3.4, 3.7, 2.2, 2.0, 3.4, 3.8)
/// d &lt;- data.frame(v = c(g1, g2, g3), g = rep(1:3, c(6, 5, 7)))
/// kruskal.test(list(g1, g2, g3))              # H = 0.65098155565445315, df = 2, p = 0.72217284023811479
/// oneway.test(v ~ g, d, var.equal = TRUE)      # F = 0.37876649495448478, df = 2, 15, p = 0.69107113758940142
/// oneway.test(v ~ g, d)                        # F = 0.52777976080575617, df = 2, 7.7944111539293957, p = 0.60958729343337359
/// h1 &lt;- c(12.1, 14.3, 11.8, 13.5, 12.9, 15.2, 13.1, 12.4); h2 &lt;- c(16.2, 19.8, 14.1, 21.5, 17.7, 15.9)
/// oneway.test(v ~ g, data.frame(v = c(h1, h2), g = rep(1:2, c(8, 6))))
///                                              # F = 13.62597934205195, df = 1, 6.3354429539267647, p = 0.0092480127647093097
/// </code>
/// </summary>
public class KSampleTests
{
    private static readonly double[] G1 = [2.9, 3.0, 2.5, 2.6, 3.2, 3.0];
    private static readonly double[] G2 = [3.8, 2.7, 4.0, 2.4, 3.0];
    private static readonly double[] G3 = [2.8, 3.4, 3.7, 2.2, 2.0, 3.4, 3.8];

    [Fact]
    public void KruskalWallisWithTies()
    {
        var r = KruskalWallisTest.TestSamples(G1, G2, G3);
        Near.Equal(0.65098155565445315, r.Statistic, Near.Statistic);
        Assert.Equal(2, r.DegreesOfFreedom);
        Near.Equal(0.72217284023811479, r.P, Near.PValue);
    }

    [Fact]
    public void AnovaMatchesOnewayTestWithEqualVariances()
    {
        var r = OneWayAnova.TestSamples(G1, G2, G3);
        Near.Equal(0.37876649495448478, r.Statistic, Near.Statistic);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.Equal(15, r.DegreesOfFreedom2);
        Near.Equal(0.69107113758940142, r.P, Near.PValue);
    }

    [Fact]
    public void WelchMatchesOnewayTest()
    {
        var r = WelchAnova.TestSamples(G1, G2, G3);
        Near.Equal(0.52777976080575617, r.Statistic, Near.Statistic);
        Assert.Equal(2, r.DegreesOfFreedom);
        Near.Equal(7.7944111539293957, r.DegreesOfFreedom2, Near.Statistic);
        Near.Equal(0.60958729343337359, r.P, Near.PValue);

        double[] h1 = [12.1, 14.3, 11.8, 13.5, 12.9, 15.2, 13.1, 12.4], h2 = [16.2, 19.8, 14.1, 21.5, 17.7, 15.9];
        var two = WelchAnova.TestSamples(h1, h2);
        Near.Equal(13.62597934205195, two.Statistic, Near.Statistic);
        Near.Equal(6.3354429539267647, two.DegreesOfFreedom2, Near.Statistic);
        Near.Equal(0.0092480127647093097, two.P, Near.PValue);
    }

    [Fact]
    public void CodedInputLeavesOutMissingValuesAndEmptyGroups()
    {
        // The same data as codes 0, 2, 3 (group 1 empty) plus missing values and a missing code.
        var values = G1.Concat(G2).Concat(G3).Concat([double.NaN, 99.0]).ToArray();
        var codes = Enumerable.Repeat(0, 6).Concat(Enumerable.Repeat(2, 5)).Concat(Enumerable.Repeat(3, 7)).Concat([0, -1]).ToArray();
        var kw = KruskalWallisTest.Test(values, codes);
        Near.Equal(0.65098155565445315, kw.Statistic, Near.Statistic);
        Assert.Equal(2, kw.DegreesOfFreedom);
        Assert.Equal(18, kw.N);
        Near.Equal(0.37876649495448478, OneWayAnova.Test(values, codes).Statistic, Near.Statistic);
        Near.Equal(0.52777976080575617, WelchAnova.Test(values, codes).Statistic, Near.Statistic);
    }

    [Fact]
    public void DegenerateInputHasNoTest()
    {
        foreach (var r in new[] { OneWayAnova.TestSamples(G1), WelchAnova.TestSamples(G1), KruskalWallisTest.TestSamples(G1) })
        {
            Assert.Null(r.P);
            Assert.Contains(r.Warnings, w => w.Contains("at least two", StringComparison.Ordinal));
        }
        foreach (var r in new[] { OneWayAnova.TestSamples([1, 1], [1, 1, 1]), WelchAnova.TestSamples([1, 1], [1, 1, 1]), KruskalWallisTest.TestSamples([1, 1], [1, 1, 1]) })
        {
            Assert.Null(r.Statistic);
            Assert.Contains(r.Warnings, w => w.Contains("identical", StringComparison.Ordinal));
        }
        var noSpread = OneWayAnova.TestSamples([1, 1], [2, 2]);
        Assert.Null(noSpread.P);
        Assert.Contains(noSpread.Warnings, w => w.Contains("within groups", StringComparison.Ordinal));
        var singleton = WelchAnova.TestSamples([1.0], [2, 3, 4]);
        Assert.Null(singleton.P);
        var zeroVariance = WelchAnova.TestSamples([1, 1, 1], [2, 3, 4]);
        Assert.Null(zeroVariance.P);
        Assert.Contains(zeroVariance.Warnings, w => w.Contains("zero variance", StringComparison.Ordinal));
    }

    [Fact]
    public void MismatchedLengthsAreAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => KruskalWallisTest.Test(new double[] { 1, 2 }, new int[] { 0 }));
}
