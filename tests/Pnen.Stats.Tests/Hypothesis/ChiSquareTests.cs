using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// Pearson chi-square against R 4.2.2 <c>chisq.test</c>; each expected value carries the call that
/// produced it (printed with sprintf("%.17g")).
/// </summary>
public class ChiSquareTests
{
    [Fact]
    public void YatesCorrectionOnTwoByTwo()
    {
        // chisq.test(matrix(c(12, 5, 7, 15), 2, byrow = TRUE))
        var r = ChiSquareTest.Pearson(new[,] { { 12, 5 }, { 7, 15 } }, continuityCorrection: true);
        Near.Equal(4.3221203912186867, r.Statistic, Near.Statistic);
        Near.Equal(0.037620016634840062, r.P, Near.PValue);
        Assert.True(r.ContinuityCorrected);
        Assert.Equal("Pearson's Chi-squared test with Yates' continuity correction", r.Method);
    }

    [Fact]
    public void YatesCorrectionIsCappedByTheSmallestDeviation()
    {
        // chisq.test(matrix(c(10, 10, 10, 11), 2, byrow = TRUE)): |O - E| = 0.244 < 0.5, so X-squared = 0, p = 1
        var r = ChiSquareTest.Pearson(new[,] { { 10, 10 }, { 10, 11 } }, continuityCorrection: true);
        Assert.Equal(0, r.Statistic!.Value, 12);
        Near.Equal(1, r.P, Near.PValue);
    }

    [Fact]
    public void NoCorrectionByDefault()
    {
        // chisq.test(matrix(c(12, 5, 7, 15), 2, byrow = TRUE), correct = FALSE)
        var r = ChiSquareTest.Pearson(new[,] { { 12, 5 }, { 7, 15 } });
        Near.Equal(5.7695961159583433, r.Statistic, Near.Statistic);
        Near.Equal(0.01630578158465017, r.P, Near.PValue);
        Assert.False(r.ContinuityCorrected);
        Assert.Equal(1, r.DegreesOfFreedom);
    }

    [Fact]
    public void SmallExpectedCountsWarn()
    {
        // suppressWarnings(chisq.test(matrix(c(3, 1, 4, 2, 6, 5), 2, byrow = TRUE))): R warns
        // "Chi-squared approximation may be incorrect"
        var r = ChiSquareTest.Pearson(new[,] { { 3, 1, 4 }, { 2, 6, 5 } });
        Near.Equal(2.8538461538461539, r.Statistic, Near.Statistic);
        Near.Equal(0.24004639137518483, r.P, Near.PValue);
        Assert.Equal(2, r.DegreesOfFreedom);
        Assert.Contains(ChiSquareTest.SmallExpectedWarning, r.Warnings);
        Assert.True(r.MinimumExpected < 5);
    }

    [Fact]
    public void CorrectionIsIgnoredBeyondTwoByTwo()
    {
        var corrected = ChiSquareTest.Pearson(new[,] { { 3, 1, 4 }, { 2, 6, 5 } }, continuityCorrection: true);
        Near.Equal(2.8538461538461539, corrected.Statistic, Near.Statistic);
        Assert.False(corrected.ContinuityCorrected);
        Assert.Contains(corrected.Warnings, w => w.Contains("2 x 2", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyRowsAndColumnsAreDroppedAndReported()
    {
        // R gives NaN for this table; the same table without its empty row and column is
        // suppressWarnings(chisq.test(matrix(c(3, 1, 4, 2, 6, 5), 2, byrow = TRUE))) above.
        var r = ChiSquareTest.Pearson(new[,] { { 3, 0, 1, 4 }, { 0, 0, 0, 0 }, { 2, 0, 6, 5 } });
        Near.Equal(2.8538461538461539, r.Statistic, Near.Statistic);
        Near.Equal(0.24004639137518483, r.P, Near.PValue);
        Assert.Equal([1], r.DroppedRows.ToArray());
        Assert.Equal([1], r.DroppedColumns.ToArray());
        Assert.Contains(r.Warnings, w => w.Contains("zero total", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0 }, "empty")]
    [InlineData(new[] { 5, 3, 0, 0 }, "non-empty row")]
    [InlineData(new[] { 5, 0, 3, 0 }, "non-empty column")]
    public void DegenerateTablesHaveNoTestAndSayWhy(int[] cells, string reason)
    {
        var r = ChiSquareTest.Pearson(new[,] { { cells[0], cells[1] }, { cells[2], cells[3] } });
        Assert.Null(r.Statistic);
        Assert.Null(r.P);
        Assert.False(r.IsDefined);
        Assert.Contains(r.Warnings, w => w.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void NegativeCountsAreRejected() =>
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Pearson(new[,] { { 1, -1 }, { 2, 3 } }));

    [Fact]
    public void FarTailPValueKeepsItsDigits()
    {
        // chisq.test(matrix(c(500, 5, 5, 500), 2), correct = FALSE)
        var r = ChiSquareTest.Pearson(new[,] { { 500, 5 }, { 5, 500 } });
        Near.Equal(970.39603960396039, r.Statistic, Near.Statistic);
        Near.Equal(4.8887353444342853e-213, r.P, Near.PValue);
    }
}
