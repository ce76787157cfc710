using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// Therneau &amp; Grambsch (2000), appendix E, data set "test1": time 4,3,1,1,2,2,3; status
/// 1,NA,1,0,1,1,0; x 0,2,1,1,1,0,0. The row with a missing status is left out, as coxph does.
/// Breslow has a closed form: beta = log((3 + sqrt(33)) / 2), loglik -4.564348 at 0 and
/// -3.824750 at beta, score test 1.6. The Efron values and the standard errors were computed with
/// R 4.2.2, survival 3.5-3 (coxph(Surv(time, status) ~ x, test1, ties = ...)).
/// </summary>
public class CoxTextbookTests
{
    private static readonly double[] Time = [4, 1, 1, 2, 2, 3];
    private static readonly bool[] Status = [true, true, false, true, true, false];
    private static readonly double[] X = [0, 1, 1, 1, 0, 0];

    [Fact]
    public void BreslowMatchesTheClosedForm()
    {
        var fit = CoxRegression.Fit(Time, Status, [new NumericCovariate("x", X)], new CoxOptions { Ties = CoxTies.Breslow });
        var term = Assert.Single(fit.Terms);
        Approx.Equal(Math.Log((3 + Math.Sqrt(33)) / 2), term.Coefficient, 1e-7, "beta");
        Approx.Equal(-4.564348, fit.LogLikelihoodStart, 1e-6, "loglik at 0");
        Approx.Equal(-3.824750, fit.LogLikelihoodEnd, 1e-6, "loglik at beta");
        Approx.Equal(1.6, fit.Score!.ChiSquare, 1e-9, "score test");
        Approx.Equal(1.25573439301052, term.StdErr, 1e-7, "se (R)");
        Approx.Equal(1.38024513460852, fit.Wald!.ChiSquare, 1e-7, "Wald (R)");
    }

    [Fact]
    public void EfronMatchesR()
    {
        var fit = CoxRegression.Fit(Time, Status, [new NumericCovariate("x", X)]);
        var term = Assert.Single(fit.Terms);
        Approx.Equal(1.6768574855882, term.Coefficient, 1e-7, "beta");
        Approx.Equal(1.27761557627803, term.StdErr, 1e-7, "se");
        Approx.Equal(-4.27666611901606, fit.LogLikelihoodStart, 1e-9, "loglik at 0");
        Approx.Equal(-3.35897484026335, fit.LogLikelihoodEnd, 1e-9, "loglik at beta");
        Approx.Equal(2.03614457831325, fit.Score!.ChiSquare, 1e-9, "score test");
        Approx.Equal(1.7226296259156, fit.Wald!.ChiSquare, 1e-7, "Wald");
        Assert.Equal(4, fit.Iterations);
    }
}
