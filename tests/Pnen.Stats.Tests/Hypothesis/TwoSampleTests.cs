using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// Wilcoxon rank-sum and t-tests against R 4.2.2 <c>wilcox.test</c> and <c>t.test</c> (sprintf("%.17g")).
/// </summary>
public class TwoSampleTests
{
    [Fact]
    public void ExactWilcoxonSmallSamples()
    {
        // x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30); y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.16, 3.14, 1.19)
        // wilcox.test(x, y): W = 58, p = 0.13591114767585355 (exact); wilcox.test(y, x): W = 23, same p
        double[] x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.16, 3.14, 1.19];
        var r = MannWhitneyTest.Test(x, y);
        Assert.Equal(58, r.Statistic);
        Near.Equal(0.13591114767585355, r.P, Near.PValue);
        Assert.True(r.IsExact);
        Assert.Equal("Wilcoxon rank sum exact test", r.Method);
        var swapped = MannWhitneyTest.Test(y, x);
        Assert.Equal(23, swapped.Statistic);
        Near.Equal(0.13591114767585355, swapped.P, Near.PValue);
    }

    [Fact]
    public void ExactWilcoxonJustBelowFifty()
    {
        // x <- sin(1:49 * 1.3) + 0.1; y <- cos(1:30 * 0.7); wilcox.test(x, y): W = 820, p = 0.39557617785788757 (exact)
        var x = Enumerable.Range(1, 49).Select(i => Math.Sin(i * 1.3) + 0.1).ToArray();
        var y = Enumerable.Range(1, 30).Select(i => Math.Cos(i * 0.7)).ToArray();
        var r = MannWhitneyTest.Test(x, y);
        Assert.Equal(820, r.Statistic);
        Near.Equal(0.39557617785788757, r.P, Near.PValue);
        Assert.True(r.IsExact);
    }

    [Fact]
    public void NormalApproximationFromFiftyOn()
    {
        // x <- sin(1:60 * 1.1); y <- cos(1:55 * 0.9) + 0.2
        // wilcox.test(x, y): W = 1415, p = 0.18920049178653431; wilcox.test(x, y, correct = FALSE): p = 0.18825883890114944
        var x = Enumerable.Range(1, 60).Select(i => Math.Sin(i * 1.1)).ToArray();
        var y = Enumerable.Range(1, 55).Select(i => Math.Cos(i * 0.9) + 0.2).ToArray();
        var r = MannWhitneyTest.Test(x, y);
        Assert.Equal(1415, r.Statistic);
        Near.Equal(0.18920049178653431, r.P, Near.PValue);
        Assert.False(r.IsExact);
        Assert.Equal("Wilcoxon rank sum test with continuity correction", r.Method);
        Near.Equal(0.18825883890114944, MannWhitneyTest.Test(x, y, continuityCorrection: false).P, Near.PValue);
    }

    [Fact]
    public void TiesUseTheCorrectedNormalApproximation()
    {
        // suppressWarnings(wilcox.test(c(1, 2, 2, 3, 4, 5, 5, 5), c(3, 3, 4, 6, 7, 7, 8))): W = 12.5, p = 0.079564734593190467
        var r = MannWhitneyTest.Test([1, 2, 2, 3, 4, 5, 5, 5], [3, 3, 4, 6, 7, 7, 8]);
        Assert.Equal(12.5, r.Statistic);
        Near.Equal(0.079564734593190467, r.P, Near.PValue);
        Assert.False(r.IsExact);
        var forced = MannWhitneyTest.Test([1, 2, 2, 3, 4, 5, 5, 5], [3, 3, 4, 6, 7, 7, 8], exact: true);
        Assert.Contains("cannot compute exact p-value with ties", forced.Warnings);
    }

    [Fact]
    public void CompleteSeparation()
    {
        // wilcox.test(c(0.8, 1.9, 3.1, 4.2), c(5.5, 6.1, 7.3)): W = 0, p = 0.057142857142857141
        var r = MannWhitneyTest.Test([0.8, 1.9, 3.1, 4.2], [5.5, 6.1, 7.3]);
        Assert.Equal(0, r.Statistic);
        Near.Equal(0.057142857142857141, r.P, Near.PValue);
    }

    [Fact]
    public void DegenerateWilcoxon()
    {
        Assert.Null(MannWhitneyTest.Test([], [1, 2]).P);
        var constant = MannWhitneyTest.Test([3, 3, 3], [3, 3]);
        Assert.Null(constant.P);
        Assert.Null(constant.Statistic);
        Assert.Contains("all values are identical", constant.Warnings);
    }

    [Fact]
    public void StudentAndWelchTTests()
    {
        // h1 <- c(12.1, 14.3, 11.8, 13.5, 12.9, 15.2, 13.1, 12.4); h2 <- c(16.2, 19.8, 14.1, 21.5, 17.7, 15.9)
        // t.test(h1, h2, var.equal = TRUE): t = -4.1187985952977799, df = 12, p = 0.0014237063879912423, stderr = 1.0611913236843595
        // t.test(h1, h2): t = -3.6913384215013321, df = 6.3354429539267647, p = 0.0092480127647093097, stderr = 1.1840781944765815
        double[] h1 = [12.1, 14.3, 11.8, 13.5, 12.9, 15.2, 13.1, 12.4], h2 = [16.2, 19.8, 14.1, 21.5, 17.7, 15.9];
        var student = TTest.Student(h1, h2);
        Near.Equal(-4.1187985952977799, student.Statistic, Near.Statistic);
        Assert.Equal(12, student.DegreesOfFreedom);
        Near.Equal(0.0014237063879912423, student.P, Near.PValue);
        Near.Equal(1.0611913236843595, student.StandardError, Near.Statistic);
        var welch = TTest.Welch(h1, h2);
        Near.Equal(-3.6913384215013321, welch.Statistic, Near.Statistic);
        Near.Equal(6.3354429539267647, welch.DegreesOfFreedom, Near.Statistic);
        Near.Equal(0.0092480127647093097, welch.P, Near.PValue);
        Near.Equal(1.1840781944765815, welch.StandardError, Near.Statistic);
    }

    [Fact]
    public void DegenerateTTests()
    {
        Assert.Null(TTest.Welch([1.0], [2, 3]).P);
        var constant = TTest.Student([5, 5, 5], [5, 5]);
        Assert.Null(constant.P);
        Assert.Contains("data are essentially constant", constant.Warnings);
    }
}
