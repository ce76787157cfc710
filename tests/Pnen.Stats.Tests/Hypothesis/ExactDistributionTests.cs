using Pnen.Stats.Distributions;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// The distribution helpers behind the exact tests, against R 4.2.2 (sprintf("%.17g")):
/// <code>
/// dhyper(3, 10, 7, 8, log = TRUE)       # -2.2666288868046998
/// dhyper(0, 50, 60, 40, log = TRUE)     # -33.59117599824225
/// lfactorial(170); lfactorial(1000)     # 706.57306224578747, 5912.1281784881639
/// pwilcox(20, 9, 12)                    # 0.0073861123396727112
/// pwilcox(80, 9, 12, lower.tail = FALSE) # 0.0292416561766407
/// pwilcox(600, 40, 45)                  # 0.003948489782099579
/// pwilcox(1500, 49, 49, lower.tail = FALSE) # 0.016308863525874184
/// pwilcox(0, 49, 49)                    # 3.9250145964816453e-29 = 1 / choose(98, 49)
/// </code>
/// </summary>
public class ExactDistributionTests
{
    [Fact]
    public void HypergeometricLogProbability()
    {
        Near.Equal(-2.2666288868046998, Hypergeometric.LogProbability(3, 10, 7, 8), 1e-13);
        Near.Equal(-33.59117599824225, Hypergeometric.LogProbability(0, 50, 60, 40), 1e-13);
        Assert.Equal(double.NegativeInfinity, Hypergeometric.LogProbability(9, 10, 7, 8));
    }

    [Fact]
    public void LogFactorials()
    {
        Near.Equal(706.57306224578747, LogFactorial.Of(170), 1e-14);
        Near.Equal(5912.1281784881639, LogFactorial.Of(1000), 1e-14);
        var table = LogFactorial.Table(1000);
        Assert.Equal(0, table[0]);
        Assert.Equal(0, table[1]);
        Near.Equal(5912.1281784881639, table[1000], 1e-14);
    }

    [Fact]
    public void WilcoxonRankSumTails()
    {
        Near.Equal(0.0073861123396727112, WilcoxonRankSum.LowerTail(20, 9, 12), 1e-12);
        Near.Equal(0.0292416561766407, WilcoxonRankSum.UpperTail(80, 9, 12), 1e-12);
        Near.Equal(0.003948489782099579, WilcoxonRankSum.LowerTail(600, 40, 45), 1e-12);
        Near.Equal(0.016308863525874184, WilcoxonRankSum.UpperTail(1500, 49, 49), 1e-12);
        Near.Equal(3.9250145964816453e-29, WilcoxonRankSum.LowerTail(0, 49, 49), 1e-12);
    }
}
