using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Zph;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.Checks;

/// <summary>
/// cox.zph by hand, as R survival's tests/zph.R derives it on its toy data (time 9, 1, 1, 6, 6, 8;
/// status 1, 1, 0, 1, 1, 0; x 0, 1, 1, 1, 0, 0): per death time the score U and information of
/// x at the exact MLE, then the 2 × 2 score test of adding g(t)·x. And the defined answers for data
/// on which the test does not exist.
/// </summary>
public class ZphDerivationTests
{
    private static readonly double[] Time = [9, 1, 1, 6, 6, 8];
    private static readonly bool[] Status = [true, true, false, true, true, false];
    private static readonly CoxCovariate[] X = [new NumericCovariate("x", [0, 1, 1, 1, 0, 0])];

    [Fact]
    public void BreslowIdentityMatchesTheHandDerivation()
    {
        // exp(β̂) = r = (3 + √33)/2 solves the Breslow score equation; deaths at 1, 6, 6, 9.
        var r = (3 + Math.Sqrt(33)) / 2;
        double[] u = [1 / (r + 1), 3 / (r + 3), -r / (r + 3), 0];
        double[] info = [r / Math.Pow(r + 1, 2), 3 * r / Math.Pow(r + 3, 2), 3 * r / Math.Pow(r + 3, 2), 0];
        var expected = ScoreTest(u, info, [1, 6, 6, 9]);

        var options = new CoxOptions { Ties = CoxTies.Breslow };
        var fit = CoxRegression.Fit(Time, Status, X, options);
        Approx.Equal(Math.Log(r), fit.Terms[0].Coefficient, 1e-9, "beta");
        var zph = CoxZph.Test(Time, Status, X, fit, ZphTransform.Identity, options);
        Approx.Equal(expected, zph.Terms[0].ChiSquare, Approx.Statistic, "chi-square");
        Approx.Equal(expected, zph.Global!.ChiSquare, Approx.Statistic, "global");
    }

    [Fact]
    public void EfronLogMatchesTheHandDerivation()
    {
        // Efron: exp(β̂) = r = 2√(23/3) cos(φ/3), φ = acos((45/23)√(3/23)); the tied pair at 6
        // contributes -r/(r+5) and 5r/(r+5)².
        var phi = Math.Acos(45.0 / 23 * Math.Sqrt(3.0 / 23));
        var r = 2 * Math.Sqrt(23.0 / 3) * Math.Cos(phi / 3);
        double[] u = [1 / (r + 1), 3 / (r + 3), -r / (r + 5), 0];
        double[] info = [r / Math.Pow(r + 1, 2), 3 * r / Math.Pow(r + 3, 2), 5 * r / Math.Pow(r + 5, 2), 0];
        var expected = ScoreTest(u, info, [Math.Log(1), Math.Log(6), Math.Log(6), Math.Log(9)]);

        var fit = CoxRegression.Fit(Time, Status, X);
        Approx.Equal(Math.Log(r), fit.Terms[0].Coefficient, 1e-9, "beta");
        var zph = CoxZph.Test(Time, Status, X, fit, ZphTransform.Log);
        Approx.Equal(expected, zph.Terms[0].ChiSquare, Approx.Statistic, "chi-square");
    }

    [Fact]
    public void OneEventTimeHasNoTest()
    {
        // Every event at t = 5: g(t) − mean g = 0 at the only event time, so the g(t)·x block of
        // the information is zero. R 3.5-3 stops ("system is exactly singular"); Pnen answers null.
        double[] time = [5, 5, 5, 7, 9, 12, 3, 8];
        bool[] status = [true, true, true, false, false, false, false, false];
        CoxCovariate[] x = [new NumericCovariate("x", [1.2, -0.3, 0.4, 2.2, 0.5, 1.4, -1.1, 0.9])];
        var fit = CoxRegression.Fit(time, status, x);
        var zph = CoxZph.Test(time, status, x, fit);
        Assert.Null(zph.Terms[0].ChiSquare);
        Assert.Null(zph.Terms[0].PValue);
        Assert.Null(zph.Global!.ChiSquare);
        Assert.Null(zph.Panels[0].Smooth);
        Assert.Contains(zph.Warnings, w => w.Contains("one time", StringComparison.Ordinal));
    }

    [Fact]
    public void LogTransformRefusesAnEventAtTimeZero()
    {
        double[] time = [0, 1, 2, 3, 4, 5];
        bool[] status = [true, true, false, true, true, false];
        CoxCovariate[] x = [new NumericCovariate("x", [1, 0, 1, 0, 0, 1])];
        var fit = CoxRegression.Fit(time, status, x);
        var zph = CoxZph.Test(time, status, x, fit, ZphTransform.Log);
        Assert.Null(zph.Global);
        Assert.Null(zph.Terms[0].ChiSquare);
        Assert.Contains(zph.Warnings, w => w.Contains("time 0", StringComparison.Ordinal));
        // The other transforms are defined there.
        Assert.NotNull(CoxZph.Test(time, status, x, fit, ZphTransform.Rank).Global!.ChiSquare);
    }

    [Fact]
    public void NoEventsNoTest()
    {
        double[] time = [1, 2, 3];
        bool[] status = [false, false, false];
        CoxCovariate[] x = [new NumericCovariate("x", [1, 0, 1])];
        var fit = CoxRegression.Fit(time, status, x);
        var zph = CoxZph.Test(time, status, x, fit);
        Assert.Empty(zph.Terms);
        Assert.Null(zph.Global);
        Assert.NotEmpty(zph.Warnings);
    }

    [Fact]
    public void APossiblyInfiniteCoefficientIsTestedWhereItStoppedAndSaysSo()
    {
        // monotone.csv: arm C has no events, so its coefficient runs off to −∞ (R and Pnen stop at
        // different points, so no R number applies). The test is still computed, finite, and flagged.
        var model = CoxModelCase.Load(CoxCheckCases.Named("concordance", "monotone arm C"));
        var fit = model.Fit();
        Assert.True(fit.Term("arm", "C")!.PossiblyInfinite);
        var zph = CoxZph.Test(model.Time, model.Status, model.Covariates, fit, ZphTransform.KaplanMeier, model.Options);
        Assert.All(zph.Terms, t => Assert.True(double.IsFinite(t.ChiSquare!.Value)));
        Assert.Contains(zph.Warnings, w => w.StartsWith("arm=C: the coefficient may be infinite", StringComparison.Ordinal));
    }

    [Fact]
    public void AFitOfOtherDataIsRefused()
    {
        var fit = CoxRegression.Fit(Time, Status, X);
        Assert.Throws<ArgumentException>(() => CoxZph.Test(Time, Status, [new NumericCovariate("z", [0, 1, 1, 1, 0, 0])], fit));
    }

    /// <summary>u₂' i₂⁻¹ u₂ with u₂ = (ΣU, Σ gU) and i₂ = [[ΣI, ΣgI], [ΣgI, Σg²I]], solved by Cramer's rule.</summary>
    private static double ScoreTest(double[] u, double[] info, double[] g)
    {
        double u1 = 0, u2 = 0, a = 0, b = 0, c = 0;
        for (var i = 0; i < u.Length; i++)
        {
            u1 += u[i];
            u2 += g[i] * u[i];
            a += info[i];
            b += g[i] * info[i];
            c += g[i] * g[i] * info[i];
        }
        var det = a * c - b * b;
        return (c * u1 * u1 - 2 * b * u1 * u2 + a * u2 * u2) / det;
    }
}
