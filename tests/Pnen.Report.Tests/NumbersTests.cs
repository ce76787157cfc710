using Pnen.Formatting;
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

/// <summary>The formatter the pnen command's Markdown shares with the report, and the JSON writer's nulls.</summary>
public class SharedFormattingTests
{
    [Theory]
    [InlineData(0.123456789, "0.123457")]
    [InlineData(1234567.0, "1.23457E+06")]
    [InlineData(double.NaN, "NR")]
    [InlineData(double.PositiveInfinity, "NR")]
    public void GeneralKeepsSixSignificantDigits(double value, string expected) => Assert.Equal(expected, Numbers.General(value, "NR"));

    [Theory]
    [InlineData(1e-30, "1.0E-30")]
    [InlineData(0.0004, "4.0E-4")]
    [InlineData(0.04912, "0.049")]
    public void AnAnalystsPKeepsTheSizeOfATinyP(double p, string expected) => Assert.Equal(expected, Numbers.PScientific(p));

    [Fact]
    public void NaNAndInfinityAreNullInJson()
    {
        var text = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.Number("nan", double.NaN);
            w.Number("inf", double.NegativeInfinity);
            w.Number("missing", null);
            w.Number("x", 0.1);
            w.WriteEndObject();
        });
        Assert.Equal("{\n  \"nan\": null,\n  \"inf\": null,\n  \"missing\": null,\n  \"x\": 0.1\n}\n", text);
    }
}
