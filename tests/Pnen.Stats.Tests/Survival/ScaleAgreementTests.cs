using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;
using Pnen.Stats.Tests.Survival.Reference;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// The optimised engine against the straightforward one it replaced (kept in Survival/Reference),
/// on cohorts far larger than the R reference files: every step of every curve, every log-rank
/// figure and every Cox number must agree, to 1e-10 relative, with counts exactly equal. The R
/// reference tests pin the small-scale answers; these pin that speed did not change them at scale.
/// </summary>
public class ScaleAgreementTests
{
    private const double Tight = 1e-10;

    public static IEnumerable<object[]> Shapes => [[false], [true]];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void KaplanMeierAgrees(bool continuousTimes)
    {
        var c = ScaleCohort.Generate(120_000, continuousTimes);
        foreach (var type in new[] { ConfidenceType.Log, ConfidenceType.LogLog, ConfidenceType.Plain })
        {
            var options = new KaplanMeierOptions { ConfidenceType = type };
            var fast = KaplanMeier.FitGroups(c.Time, c.Status, c.Group, ScaleCohort.GroupLevels, options);
            var slow = ReferenceKaplanMeier.FitGroups(c.Time, c.Status, c.Group, ScaleCohort.GroupLevels, options);
            Assert.Equal(slow.Count, fast.Count);
            for (var g = 0; g < slow.Count; g++)
            {
                var what = $"{type} group {slow[g].Level}";
                Assert.Equal(slow[g].N, fast[g].N);
                Assert.Equal(slow[g].Events, fast[g].Events);
                Assert.Equal(slow[g].Steps.Count, fast[g].Steps.Count);
                for (var i = 0; i < slow[g].Steps.Count; i++)
                {
                    var (s, f) = (slow[g].Steps[i], fast[g].Steps[i]);
                    Assert.Equal(s.Time, f.Time);
                    Assert.Equal((s.AtRisk, s.Events, s.Censored), (f.AtRisk, f.Events, f.Censored));
                    Approx.Equal(s.Survival, f.Survival, Tight, $"{what} step {i} survival");
                    Approx.Equal(s.StdErr, f.StdErr, Tight, $"{what} step {i} se");
                    Approx.Equal(s.Lower, f.Lower, Tight, $"{what} step {i} lower");
                    Approx.Equal(s.Upper, f.Upper, Tight, $"{what} step {i} upper");
                }
                Approx.Equal(slow[g].Median.Time, fast[g].Median.Time, Tight, $"{what} median");
                Approx.Equal(slow[g].Median.Lower, fast[g].Median.Lower, Tight, $"{what} median lower");
                Approx.Equal(slow[g].Median.Upper, fast[g].Median.Upper, Tight, $"{what} median upper");
            }
        }

        var all = KaplanMeier.Fit(c.Time, c.Status);
        var allSlow = ReferenceKaplanMeier.Fit(c.Time, c.Status);
        Assert.Equal(allSlow.Steps.Count, all.Steps.Count);
        Approx.Equal(allSlow.Steps[^1].Survival, all.Steps[^1].Survival, Tight, "overall last survival");
        Approx.Equal(allSlow.RestrictedMean(30).Mean, all.RestrictedMean(30).Mean, Tight, "overall rmst");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LogRankAgrees(bool continuousTimes)
    {
        var c = ScaleCohort.Generate(150_000, continuousTimes);
        foreach (var rho in new[] { 0.0, 1.0 })
        {
            Same(ReferenceLogRank.Test(c.Time, c.Status, c.Group, ScaleCohort.GroupLevels, rho),
                LogRank.Test(c.Time, c.Status, c.Group, ScaleCohort.GroupLevels, rho), $"rho {rho}");
            Same(ReferenceLogRank.Test(c.Time, c.Status, c.Group, ScaleCohort.GroupLevels, c.Stratum, ScaleCohort.StratumLevels.Length, rho),
                LogRank.Test(c.Time, c.Status, c.Group, ScaleCohort.GroupLevels, c.Stratum, ScaleCohort.StratumLevels.Length, rho), $"stratified rho {rho}");
        }

        static void Same(LogRankResult slow, LogRankResult fast, string what)
        {
            Approx.Equal(slow.ChiSquare, fast.ChiSquare, Tight, $"{what} chi-square");
            Assert.Equal(slow.DegreesOfFreedom, fast.DegreesOfFreedom);
            Approx.Equal(slow.PValue, fast.PValue, Tight, $"{what} p");
            for (var g = 0; g < slow.Groups.Count; g++)
            {
                Assert.Equal(slow.Groups[g].N, fast.Groups[g].N);
                Approx.Equal(slow.Groups[g].Observed, fast.Groups[g].Observed, Tight, $"{what} observed {g}");
                Approx.Equal(slow.Groups[g].Expected, fast.Groups[g].Expected, Tight, $"{what} expected {g}");
            }
        }
    }

    public static IEnumerable<object[]> CoxShapes =>
        from ties in new[] { CoxTies.Efron, CoxTies.Breslow }
        from stratified in new[] { false, true }
        from continuous in new[] { false, true }
        select new object[] { ties, stratified, continuous };

    [Theory]
    [MemberData(nameof(CoxShapes))]
    public void CoxAgrees(CoxTies ties, bool stratified, bool continuousTimes)
    {
        // Above CoxLikelihoodPass's 2^15 rows, so its walk runs in two parts (and, with strata, a
        // part starts inside a stratum the other part shares).
        var c = ScaleCohort.Generate(40_000, continuousTimes);
        CoxCovariate[] covariates =
        [
            new NumericCovariate("age", c.Age),
            new NumericCovariate("marker", c.Marker),
            new NumericCovariate("treated", c.Treated),
            new CategoricalCovariate("stage", c.Stage, ScaleCohort.StageLevels, 0),
            new CategoricalCovariate("group", c.Group, ScaleCohort.GroupLevels, 1),
        ];
        var strata = stratified ? new CoxStrata("centre", c.Stratum, ScaleCohort.StratumLevels) : null;
        var options = CoxOptions.Default with { Ties = ties };
        var slow = ReferenceCoxRegression.Fit(c.Time, c.Status, covariates, options, strata);
        var fast = CoxRegression.Fit(c.Time, c.Status, covariates, options, strata);

        Assert.Equal((slow.N, slow.Events, slow.Dropped, slow.Iterations, slow.Converged), (fast.N, fast.Events, fast.Dropped, fast.Iterations, fast.Converged));
        Approx.Equal(slow.LogLikelihoodStart, fast.LogLikelihoodStart, Tight, "loglik start");
        Approx.Equal(slow.LogLikelihoodEnd, fast.LogLikelihoodEnd, Tight, "loglik end");
        Approx.Equal(slow.LikelihoodRatio!.ChiSquare, fast.LikelihoodRatio!.ChiSquare, 1e-8, "LR");
        Approx.Equal(slow.Wald!.ChiSquare, fast.Wald!.ChiSquare, Tight, "Wald");
        Approx.Equal(slow.Score!.ChiSquare, fast.Score!.ChiSquare, Tight, "score");
        Assert.Equal(slow.Terms.Count, fast.Terms.Count);
        for (var i = 0; i < slow.Terms.Count; i++)
        {
            var (s, f) = (slow.Terms[i], fast.Terms[i]);
            Assert.Equal((s.Variable, s.Level, s.PossiblyInfinite), (f.Variable, f.Level, f.PossiblyInfinite));
            Approx.Equal(s.Coefficient, f.Coefficient, Tight, $"{s.Variable}{s.Level} coef");
            Approx.Equal(s.StdErr, f.StdErr, Tight, $"{s.Variable}{s.Level} se");
        }
        for (var i = 0; i < slow.Variance.Count; i++) Approx.Equal(slow.Variance[i], fast.Variance[i], Tight, $"variance[{i}]");
        Assert.Equal(slow.Warnings, fast.Warnings);
        Assert.Equal(slow.DroppedTerms, fast.DroppedTerms);
    }
}
