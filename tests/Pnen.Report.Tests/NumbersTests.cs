using Pnen.Dsl.Report;

namespace Pnen.Report.Tests;

/// <summary>The journal's number formats.</summary>
public class NumbersTests
{
    [Theory]
    [InlineData(0.00049, "<0.001")]
    [InlineData(0.0009999, "<0.001")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0504, "0.050")]
    [InlineData(0.15, "0.150")]
    [InlineData(1.0, "1.000")]
    [InlineData(1e-30, "<0.001")]
    public void PValues(double p, string expected) => Assert.Equal(expected, Numbers.PValue(p));

    [Fact]
    public void AMissingPValueIsADash() => Assert.Equal("\u2014", Numbers.PValue(null));

    [Theory]
    [InlineData(72.0, 33.0, 122.0, "72 (33\u2013122)")]
    [InlineData(72.0, 33.0, null, "72 (33\u2013)")]
    [InlineData(null, 48.0, null, "NR (48\u2013)")]
    [InlineData(null, null, null, "NR")]
    [InlineData(9.4, 6.5, 32.0, "9 (6\u201332)")]
    public void MediansWithOpenEnds(double? median, double? q25, double? q75, string expected) =>
        Assert.Equal(expected, Numbers.MedianWithQuartiles(median, q25, q75, 0, "NR"));

    [Fact]
    public void HazardRatios()
    {
        Assert.Equal("0.302 (0.127\u20130.721)", Numbers.HazardRatio(0.30212, 0.12749, 0.72104, 3));
        Assert.Equal("2.000 (1.000\u2013\u221e)", Numbers.HazardRatio(2, 1, double.PositiveInfinity, 3));
    }

    [Fact]
    public void NoNegativeZero() => Assert.Equal("0.00", Numbers.Fixed(-0.0001, 2));

    [Fact]
    public void CoordinatesAreInvariantWithTwoDecimals() => Assert.Equal("1234.57", Numbers.Coordinate(1234.5678));
}
