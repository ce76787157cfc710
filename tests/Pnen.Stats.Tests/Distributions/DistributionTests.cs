using Pnen.Stats.Distributions;

namespace Pnen.Stats.Tests.Distributions;

/// <summary>
/// Expected values computed with R 4.2.2 (base stats: pchisq, pnorm, qnorm, pf, pt, lgamma,
/// pgamma, pbeta), printed with sprintf("%.17g"). The far-tail cases check that upper tails are
/// computed directly and keep their relative precision.
/// </summary>
public class DistributionTests
{
    private static void Close(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    [Theory]
    [InlineData(10.3267419548856, 1, 0.0013111645203555116)] // the lung log-rank statistic
    [InlineData(150, 3, 2.6349139284880449e-32)]
    [InlineData(0.5, 7, 0.99944648139042513)]
    [InlineData(400, 10, 9.4132919911834778e-80)]
    public void ChiSquareUpperTailMatchesR(double x, double df, double expected) =>
        Close(expected, ChiSquared.UpperTail(x, df));

    [Fact]
    public void NormalTailsMatchR()
    {
        Close(6.595771446113675e-31, Normal.Cdf(-11.5));
        Close(6.595771446113675e-31, Normal.UpperTail(11.5));
        Close(0.88493032977829178, Normal.Cdf(1.2));
    }

    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(1e-10, -6.3613409024040557)]
    [InlineData(0.3, -0.52440051270804067)]
    public void NormalQuantileMatchesR(double p, double expected) => Close(expected, Normal.Quantile(p), 1e-14);

    [Fact]
    public void FAndTMatchR()
    {
        Close(0.51277400776070037, FisherF.UpperTail(0.769979686964999, 3, 133), 1e-10);
        Close(0.062077244202218468, StudentT.TwoSidedP(2.1, 10), 1e-10);
        Close(1.8411962171772952e-07, StudentT.TwoSidedP(-40, 5), 1e-10);
    }

    [Fact]
    public void GammaAndBetaFunctionsMatchR()
    {
        Close(1.0957979948180756, SpecialFunctions.LogGamma(0.3), 1e-13);
        Close(361.43554046777757, SpecialFunctions.LogGamma(100.5), 1e-14);
        Close(0.69378108158672158, SpecialFunctions.GammaP(2.5, 3), 1e-13);
        Close(0.40653901668245918, SpecialFunctions.BetaRegularized(2.5, 4.5, 0.3), 1e-12);
    }
}
