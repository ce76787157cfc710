using CsCheck;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Properties;

/// <summary>
/// Invariances a Cox fit must have, on cohorts drawn from a proportional hazards model (with ties
/// half of the time), Efron and Breslow: the row order changes nothing (to 1e-9 relative: only the
/// order of sums within a risk set changes); multiplying a covariate by c divides its coefficient
/// and standard error by c (|c|) and changes neither its P value, the likelihood, nor any other
/// term. Pnen centres and scales continuous columns as coxfit6 does, so the scaled fit takes the
/// same Newton path and agrees to rounding.
/// </summary>
public sealed class CoxProperties
{
    private const double Tight = 1e-9;

    public static TheoryData<CoxTies> Ties => [CoxTies.Efron, CoxTies.Breslow];

    private static CoxResult Fit(SurvivalSample s, CoxTies ties, double scale = 1) =>
        CoxRegression.Fit(s.Time, s.Died,
        [
            new NumericCovariate("x1", s.Covariates[0].Select(v => v * scale).ToArray()),
            new NumericCovariate("x2", s.Covariates[1]),
            new CategoricalCovariate("group", s.Group, ["a", "b"], 0),
        ], CoxOptions.Default with { Ties = ties });

    /// <summary>A fit with three finite, converged estimates (the data are drawn so almost all are).</summary>
    private static bool Usable(CoxResult fit) => fit.Converged && fit.Terms.Count == 3 && fit.Terms.All(t => !t.PossiblyInfinite);

    [Theory]
    [MemberData(nameof(Ties))]
    public void ShufflingTheRowsChangesNothing(CoxTies ties)
    {
        var used = 0;
        FixedSample.Run(SurvivalSamples.Cohort().SelectMany(s => Gen.ULong.Select(seed => (s, seed))), x =>
        {
            var (sample, seed) = x;
            var original = Fit(sample, ties);
            if (!Usable(original)) return;
            used++;
            var shuffled = Fit(sample.Permuted(SurvivalSamples.Shuffle(sample.N, seed)), ties);
            Assert.Equal(original.Iterations, shuffled.Iterations);
            Approx.Equal(original.LogLikelihoodEnd, shuffled.LogLikelihoodEnd, Tight, "loglik");
            Approx.Equal(original.Score!.ChiSquare, shuffled.Score!.ChiSquare, Tight, "score test");
            for (var i = 0; i < 3; i++)
            {
                Approx.Equal(original.Terms[i].Coefficient, shuffled.Terms[i].Coefficient, Tight, $"{original.Terms[i].Variable} coef");
                Approx.Equal(original.Terms[i].StdErr, shuffled.Terms[i].StdErr, Tight, $"{original.Terms[i].Variable} se");
                Approx.Equal(original.Terms[i].PValue, shuffled.Terms[i].PValue, 1e-8, $"{original.Terms[i].Variable} p");
            }
        }, iterations: 300, seed: 3);
        Assert.True(used > 250, $"only {used} of 300 cohorts gave a usable fit");
    }

    [Theory]
    [MemberData(nameof(Ties))]
    public void ScalingACovariateScalesItsCoefficientOnly(CoxTies ties)
    {
        var used = 0;
        FixedSample.Run(SurvivalSamples.Cohort().SelectMany(s => Gen.OneOf<double>(0.001, 0.5, 2.0, 12.0, 1000.0, -1.0, -3.5).Select(c => (s, c))), x =>
        {
            var (sample, c) = x;
            var original = Fit(sample, ties);
            if (!Usable(original)) return;
            used++;
            var scaled = Fit(sample, ties, c);
            Approx.Equal(original.LogLikelihoodEnd, scaled.LogLikelihoodEnd, Tight, "loglik");
            var (b, bs) = (original.Terms[0], scaled.Terms[0]);
            Approx.Equal(b.Coefficient / c, bs.Coefficient, Tight, "x1 coef / c");
            Approx.Equal(b.StdErr / Math.Abs(c), bs.StdErr, Tight, "x1 se / |c|");
            Approx.Equal(b.PValue, bs.PValue, 1e-8, "x1 p");
            // Its hazard ratio per unit becomes the c-th root: HR_scaled^c = HR.
            Approx.Equal(Math.Log(b.HazardRatio), c * Math.Log(bs.HazardRatio), Tight, "x1 log HR");
            for (var i = 1; i < 3; i++)
            {
                Approx.Equal(original.Terms[i].HazardRatio, scaled.Terms[i].HazardRatio, Tight, $"{original.Terms[i].Variable} HR");
                Approx.Equal(original.Terms[i].PValue, scaled.Terms[i].PValue, 1e-8, $"{original.Terms[i].Variable} p");
            }
        }, iterations: 300, seed: 4);
        Assert.True(used > 250, $"only {used} of 300 cohorts gave a usable fit");
    }
}
