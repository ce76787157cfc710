using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// Degenerate data gets a defined answer, never a NaN: no events, one group, one subject, one
/// time. Expected values are hand derivations (stated in each test) or R's behaviour (R survival
/// 3.5-3: coxph with no events gives NA coefficients and loglik 0, 0).
/// </summary>
public class DegenerateSurvivalTests
{
    [Fact]
    public void NoEventsAtAll()
    {
        double[] time = [1, 2, 3, 4];
        bool[] died = [false, false, false, false];

        var km = KaplanMeier.Fit(time, died);
        Assert.All(km.Steps, s => Assert.Equal(1.0, s.Survival));
        Assert.Null(km.Median.Time); // not reached, never 0

        var logRank = LogRank.Test(time, died, [0, 0, 1, 1], ["a", "b"]);
        Assert.Null(logRank.ChiSquare);
        Assert.Null(logRank.PValue);
        Assert.NotEmpty(logRank.Warnings);

        var cox = CoxRegression.Fit(time, died, [new NumericCovariate("x", [1, 2, 5, 3])]);
        Assert.Empty(cox.Terms);
        Assert.Equal("x", Assert.Single(cox.DroppedTerms).Variable);
        Assert.Equal(0, cox.LogLikelihoodEnd);
        Assert.Null(cox.LikelihoodRatio);
        Assert.Contains(cox.Warnings, w => w.Contains("no events", StringComparison.Ordinal));
    }

    [Fact]
    public void OneGroupHasNothingToCompare()
    {
        var result = LogRank.Test([1, 2, 3], [true, false, true], [0, 0, 0], ["only"]);
        Assert.Null(result.PValue);
        Assert.Equal(0, result.DegreesOfFreedom);
        Assert.Contains("only one group", result.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void OneSubjectWhoDies()
    {
        // S drops from 1 to 0 at t = 5: Greenwood's d/(n(n-d)) is undefined, so se and limits are null.
        var km = KaplanMeier.Fit([5], [true]);
        var step = Assert.Single(km.Steps);
        Assert.Equal(0, step.Survival);
        Assert.Null(step.StdErr);
        Assert.Null(step.Lower);
        Assert.Equal(5, km.Median.Time);
    }

    [Fact]
    public void EveryoneDiesAtOnce()
    {
        // Four deaths at t = 2 in two groups of two: O = E = 2 in each group and the variance is 0
        // (n - d = 0), so there is no test rather than 0/0.
        var result = LogRank.Test([2, 2, 2, 2], [true, true, true, true], [0, 0, 1, 1], ["a", "b"]);
        Assert.Equal(2, result.Groups[0].Expected, 12);
        Assert.Null(result.PValue);
    }

    [Fact]
    public void AConstantCovariateIsDroppedByName()
    {
        var cox = CoxRegression.Fit([1, 2, 3, 4, 5], [true, true, false, true, true],
            [new NumericCovariate("age", [50, 61, 44, 70, 58]), new NumericCovariate("site", [3, 3, 3, 3, 3])]);
        Assert.Equal("age", Assert.Single(cox.Terms).Variable);
        Assert.Equal("site", Assert.Single(cox.DroppedTerms).Variable);
        Assert.Contains(cox.Warnings, w => w.StartsWith("site was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void VariablesThatSeparateDeathsAreFlaggedAsPossiblyInfinite()
    {
        // R survival's tests/infcox.R: no row with x1 = 1 or x2 = 1 dies, so both coefficients run to
        // -infinity. R (infcox.Rout.save) prints x1 -21.2 (se 23205), x2 -21.9 (se 24795) and "Ran out
        // of iterations and did not converge"; Pnen gives the same path and flags both terms.
        double[] time = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        bool[] status = [true, false, true, false, true, false, false, false, false, false, false, false];
        CoxCovariate[] x =
        [
            new NumericCovariate("x1", [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]),
            new NumericCovariate("x2", [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]),
        ];
        var fit = CoxRegression.Fit(time, status, x);
        Assert.False(fit.Converged);
        Assert.Equal(-21.2, fit.Term("x1")!.Coefficient, 0.05);
        Assert.Equal(-21.9, fit.Term("x2")!.Coefficient, 0.05);
        Assert.All(fit.Terms, t => Assert.True(t.PossiblyInfinite));
        Assert.Contains(fit.Warnings, w => w.StartsWith("x2: the coefficient may be infinite", StringComparison.Ordinal));
    }

    [Fact]
    public void AnArmWithoutEventsIsFlaggedEvenWhenTheIterationsRunOut()
    {
        // Arm B never dies. With R's 20 iterations the likelihood has not levelled off to 1e-9 yet:
        // R only warns that it ran out; Pnen also flags the term, so that where the iterations stopped
        // (a hazard ratio of about 1e-10) is never read as an estimate.
        double[] time = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        bool[] status = [true, true, false, false, true, false, true, false, true];
        var arm = new CategoricalCovariate("arm", [0, 0, 1, 1, 0, 1, 0, 1, 0], ["A", "B"], 0);
        var fit = CoxRegression.Fit(time, status, [arm]);
        var term = fit.Term("arm", "B")!;
        Assert.True(term.PossiblyInfinite);
        Assert.True(term.Coefficient < -10);
        Assert.Contains(fit.Warnings, w => w.Contains("arm=B: the coefficient may be infinite", StringComparison.Ordinal));
    }

    [Fact]
    public void ACollinearCovariateIsDroppedByName()
    {
        double[] age = [50, 61, 44, 70, 58, 66];
        var fit = CoxRegression.Fit([1, 2, 3, 4, 5, 6], [true, true, false, true, true, false],
            [new NumericCovariate("age", age), new NumericCovariate("age in months", age.Select(a => 12 * a).ToArray())]);
        Assert.Equal("age", Assert.Single(fit.Terms).Variable);
        var dropped = Assert.Single(fit.DroppedTerms);
        Assert.Equal("age in months", dropped.Variable);
        Assert.Contains("collinear", dropped.Reason, StringComparison.Ordinal);
        Assert.All(fit.Terms, t => Assert.True(double.IsFinite(t.Coefficient) && double.IsFinite(t.StdErr)));
    }

    [Fact]
    public void NoRowsAtAll()
    {
        var km = KaplanMeier.FitGroups([], [], [], ["a", "b", "c"]);
        Assert.All(km, c => Assert.Equal(0, c.N));
        Assert.All(km, c => Assert.Null(c.Median.Time));
        var logRank = LogRank.Test([], [], [], ["a", "b"]);
        Assert.Null(logRank.PValue);
        var cox = CoxRegression.Fit([], [], [new NumericCovariate("x", [])]);
        Assert.Empty(cox.Terms);
        Assert.Contains(cox.Warnings, w => w.Contains("no complete rows", StringComparison.Ordinal));
    }
}
