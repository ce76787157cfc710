using Pnen.Stats.Sensitivity;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Sensitivity;

/// <summary>E-values derived by hand from VanderWeele and Ding (2017) and the EValue package's rules.</summary>
public class EValueTests
{
    [Fact]
    public void TheLeukemiaExampleOfVanderWeeleAndDing()
    {
        // evalues.RR(0.80, 0.71, 0.91) in the EValue documentation: 1/0.8 = 1.25 -> 1.25 + sqrt(1.25 * 0.25)
        // = 1.25 + 0.5590170 = 1.8090170; the upper limit 0.91 -> 1/0.91 = 1.0989011 -> + sqrt(1.0989011 * 0.0989011)
        // = 1.0989011 + 0.3296700 = 1.4285711 (the paper's 1.80 and 1.43).
        var e = EValue.ForRiskRatio(0.80, 0.71, 0.91);
        Approx.Equal(1.25 + Math.Sqrt(1.25 * 0.25), e.Point, 1e-12, "point");
        Approx.Equal(1 / 0.91 + Math.Sqrt(1 / 0.91 * (1 / 0.91 - 1)), e.ConfidenceLimit!.Value, 1e-12, "ci");
        Approx.Equal(1.809017, e.Point, 1e-6, "point, printed");
        Approx.Equal(1.428571, e.ConfidenceLimit!.Value, 1e-6, "ci, printed");
    }

    [Fact]
    public void ARareOutcomeHazardRatioIsTakenAsARiskRatio()
    {
        // HR 2 (1.5 to 3): E = 2 + sqrt(2) = 3.4142136; the lower limit 1.5 + sqrt(1.5 * 0.5) = 2.3660254.
        var e = EValue.ForHazardRatio(2, 1.5, 3);
        Approx.Equal(2 + Math.Sqrt(2), e.Point, 1e-12, "point");
        Approx.Equal(1.5 + Math.Sqrt(0.75), e.ConfidenceLimit!.Value, 1e-12, "ci");
        Assert.Equal(2, e.RiskRatio);
    }

    [Fact]
    public void ACommonOutcomeHazardRatioIsConvertedFirst()
    {
        // HR 2, common: RR = (1 - 0.5^sqrt(2)) / (1 - 0.5^sqrt(0.5)) = (1 - 0.3752142) / (1 - 0.6125473)
        // = 0.6247858 / 0.3874527 = 1.6125473 ... E = RR + sqrt(RR (RR - 1)).
        var rr = (1 - Math.Pow(0.5, Math.Sqrt(2))) / (1 - Math.Pow(0.5, Math.Sqrt(0.5)));
        Approx.Equal(1.612547, rr, 1e-6, "converted RR, by hand");
        var e = EValue.ForHazardRatio(2, 1.2, 3.5, commonOutcome: true);
        Approx.Equal(rr, e.RiskRatio, 1e-12, "rr");
        Approx.Equal(rr + Math.Sqrt(rr * (rr - 1)), e.Point, 1e-12, "point");
        var rrLower = (1 - Math.Pow(0.5, Math.Sqrt(1.2))) / (1 - Math.Pow(0.5, Math.Sqrt(1 / 1.2)));
        Approx.Equal(rrLower + Math.Sqrt(rrLower * (rrLower - 1)), e.ConfidenceLimit!.Value, 1e-12, "ci");
    }

    [Fact]
    public void AProtectiveHazardRatioUsesItsInverseAndTheUpperLimit()
    {
        // HR 0.5 (0.3 to 0.8): 1/0.5 = 2 -> 3.4142136; the upper limit 0.8 -> 1.25 -> 1.8090170.
        var e = EValue.ForHazardRatio(0.5, 0.3, 0.8);
        Approx.Equal(2 + Math.Sqrt(2), e.Point, 1e-12, "point");
        Approx.Equal(1.25 + Math.Sqrt(1.25 * 0.25), e.ConfidenceLimit!.Value, 1e-12, "ci");
    }

    [Theory]
    [InlineData(1.5, 0.9, 2.5)]
    [InlineData(0.7, 0.4, 1.1)]
    [InlineData(1.0, 0.8, 1.25)]
    public void AnIntervalThatIncludesOneHasCiEValueOne(double hr, double lower, double upper)
    {
        Assert.Equal(1, EValue.ForHazardRatio(hr, lower, upper).ConfidenceLimit);
        Assert.Equal(1, EValue.ForHazardRatio(hr, lower, upper, commonOutcome: true).ConfidenceLimit);
    }

    [Fact]
    public void ALimitExactlyAtOneGivesOne()
    {
        // RR + sqrt(RR (RR - 1)) at RR = 1 is 1; evalues.RR does not call 1 "crossing" (lo < 1 is false).
        Assert.Equal(1, EValue.ForHazardRatio(1.8, 1.0, 3.0).ConfidenceLimit);
        Assert.Equal(1, EValue.ForHazardRatio(1.0).Point);
    }

    [Fact]
    public void WithoutTheLimitNearestOneThereIsNoCiEValue()
    {
        Assert.Null(EValue.ForHazardRatio(2, upper: 3).ConfidenceLimit);
        Assert.Null(EValue.ForHazardRatio(0.5, lower: 0.3).ConfidenceLimit);
        Assert.NotNull(EValue.ForHazardRatio(0.5, upper: 0.8).ConfidenceLimit);
    }

    [Theory]
    [InlineData(0.0, null, null)]
    [InlineData(-1.0, null, null)]
    [InlineData(double.NaN, null, null)]
    [InlineData(double.PositiveInfinity, null, null)]
    [InlineData(2.0, 2.5, 3.0)]
    [InlineData(2.0, 1.0, 1.5)]
    [InlineData(2.0, 0.0, 3.0)]
    public void ImpossibleInputIsRefused(double hr, double? lower, double? upper) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EValue.ForHazardRatio(hr, lower, upper));
}
