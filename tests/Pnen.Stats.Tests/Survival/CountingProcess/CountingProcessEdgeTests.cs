using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.CountingProcess;

/// <summary>
/// Degenerate inputs of the weighted, robust and (start, stop] estimators get defined answers,
/// and identities that hold by the definitions (written out in each test) hold: a case weight
/// of 2 is two copies of the row (Breslow ties, Greenwood), a row of weight 0 is no row at all,
/// right-censored data written as (0, time] are the same data.
/// </summary>
public class CountingProcessEdgeTests
{
    // A small cohort: times with ties, two arms, one numeric covariate.
    private static readonly double[] Time = [2, 3, 3, 5, 6, 7, 7, 8, 9, 11, 12, 14, 15, 17, 20];
    private static readonly bool[] Status = [true, true, false, true, true, true, true, false, true, true, false, true, true, false, true];
    private static readonly double[] X = [0.5, -1.2, 0.3, 1.1, -0.4, 0.9, 2.0, -0.8, 0.1, 1.5, -0.3, 0.7, -1.0, 0.2, 0.6];
    private static readonly int[] Arm = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];

    private static NumericCovariate Covariate(double[] x) => new("x", x);

    /// <summary>With one cluster the dfbeta residuals sum to V·U(β̂) = 0, so the sandwich is 0 up to
    /// rounding: R prints noise. Pnen leaves the robust standard errors, z, p, limits and the Wald
    /// and robust score tests undefined (null) and says why; the model-based se stays.</summary>
    [Fact]
    public void OneClusterLeavesTheRobustVarianceUndefined()
    {
        var data = new SurvivalData(Time, Status) { Cluster = new int[Time.Length] };
        var result = CoxRegression.Fit(data, [Covariate(X)]);
        var term = result.Terms.Single();
        Assert.True(double.IsNaN(term.StdErr));
        Assert.True(term.NaiveStdErr > 0);
        Assert.Null(result.Wald);
        Assert.Null(result.RobustScore);
        Assert.Equal(1, result.Clusters);
        Assert.Contains(result.Warnings, w => w.Contains("at least two clusters", StringComparison.Ordinal));
    }

    /// <summary>A weight of 0 adds nothing to any sum of the partial likelihood; the fit is the fit
    /// of the other rows (what R's coxph, which refuses zero weights, gives on them), said in a warning.</summary>
    [Fact]
    public void ZeroWeightsAreRowsLeftOut()
    {
        var weights = Time.Select((_, i) => i % 4 == 1 ? 0.0 : 1.5).ToArray();
        var kept = Enumerable.Range(0, Time.Length).Where(i => weights[i] > 0).ToArray();
        var withZeros = CoxRegression.Fit(new SurvivalData(Time, Status) { Weights = weights }, [Covariate(X)], new CoxOptions { Robust = false });
        var without = CoxRegression.Fit(new SurvivalData(kept.Select(i => Time[i]).ToArray(), kept.Select(i => Status[i]).ToArray())
        {
            Weights = kept.Select(i => weights[i]).ToArray(),
        }, [Covariate(kept.Select(i => X[i]).ToArray())], new CoxOptions { Robust = false });

        Assert.Equal(kept.Length, withZeros.N);
        Approx.Equal(without.Terms[0].Coefficient, withZeros.Terms[0].Coefficient, 1e-12, "coef");
        Approx.Equal(without.Terms[0].StdErr, withZeros.Terms[0].StdErr, 1e-12, "se");
        Approx.Equal(without.LogLikelihoodEnd, withZeros.LogLikelihoodEnd, 1e-12, "loglik");
        Assert.Contains(withZeros.Warnings, w => w.Contains("weight 0", StringComparison.Ordinal));
    }

    /// <summary>An arm whose weights are all 0 has no subjects in the fit: its level is set aside
    /// by name, as R's coxph of the positive-weight rows gives it an NA coefficient.</summary>
    [Fact]
    public void AnArmOfZeroWeightsIsAnEmptyLevel()
    {
        var weights = Arm.Select(a => a == 1 ? 0.0 : 1.0).ToArray();
        var arm = new CategoricalCovariate("arm", Arm, ["A", "B"], 0);
        var result = CoxRegression.Fit(new SurvivalData(Time, Status) { Weights = weights }, [arm, Covariate(X)]);
        Assert.Contains(result.DroppedTerms, d => d.Variable == "arm" && d.Level == "B");
        Assert.Equal(["x"], result.Terms.Select(t => t.Variable));
    }

    /// <summary>With Breslow's ties a weight of 2 is two copies of the row: every sum of the
    /// partial likelihood counts the row twice either way (Efron's correction differs, by its
    /// definition, as it does in R).</summary>
    [Fact]
    public void WholeWeightsAreRepeatedRowsWithBreslowTies()
    {
        var weights = Time.Select((_, i) => (double)(1 + i % 2)).ToArray();
        var copies = Enumerable.Range(0, Time.Length).SelectMany(i => Enumerable.Repeat(i, (int)weights[i])).ToArray();
        var options = new CoxOptions { Ties = CoxTies.Breslow };
        var weighted = CoxRegression.Fit(new SurvivalData(Time, Status) { Weights = weights }, [Covariate(X)], options);
        var repeated = CoxRegression.Fit(copies.Select(i => Time[i]).ToArray(), copies.Select(i => Status[i]).ToArray(), [Covariate(copies.Select(i => X[i]).ToArray())], options);
        Approx.Equal(repeated.Terms[0].Coefficient, weighted.Terms[0].Coefficient, 1e-10, "coef");
        Approx.Equal(repeated.Terms[0].StdErr, weighted.Terms[0].StdErr, 1e-10, "se");
        Approx.Equal(repeated.LogLikelihoodEnd, weighted.LogLikelihoodEnd, 1e-10, "loglik");
        Approx.Equal(repeated.Score!.ChiSquare, weighted.Score!.ChiSquare, 1e-10, "score test");

        var curve = KaplanMeier.Fit(new SurvivalData(Time, Status) { Weights = weights });
        var copiesCurve = KaplanMeier.Fit(copies.Select(i => Time[i]).ToArray(), copies.Select(i => Status[i]).ToArray());
        Assert.False(curve.RobustVariance); // whole numbers: Greenwood, as survfit
        for (var s = 0; s < curve.Steps.Count; s++)
        {
            Assert.Equal(copiesCurve.Steps[s].AtRisk, curve.Steps[s].WeightedAtRisk);
            Approx.Equal(copiesCurve.Steps[s].Survival, curve.Steps[s].Survival, 1e-12, $"survival {s}");
            Approx.Equal(copiesCurve.Steps[s].StdErr, curve.Steps[s].StdErr, 1e-12, $"Greenwood {s}");
        }
    }

    /// <summary>Right-censored data written as (0, time] intervals are the same risk sets, so the
    /// counting-process likelihood (R's agreg) gives the right-censored fit (coxfit6).</summary>
    [Fact]
    public void RightCensoredDataAsIntervalsFromZeroAreTheSameFit()
    {
        var asIntervals = CoxRegression.Fit(new SurvivalData(Time, Status) { Start = new double[Time.Length] }, [Covariate(X)]);
        var rightCensored = CoxRegression.Fit(Time, Status, [Covariate(X)]);
        Approx.Equal(rightCensored.Terms[0].Coefficient, asIntervals.Terms[0].Coefficient, 1e-9, "coef");
        Approx.Equal(rightCensored.Terms[0].StdErr, asIntervals.Terms[0].StdErr, 1e-9, "se");
        Approx.Equal(rightCensored.LogLikelihoodEnd, asIntervals.LogLikelihoodEnd, 1e-12, "loglik");

        var curve = KaplanMeier.Fit(new SurvivalData(Time, Status) { Start = new double[Time.Length] });
        var plain = KaplanMeier.Fit(Time, Status);
        Assert.Equal(plain.Steps.Select(s => s.Survival), curve.Steps.Select(s => s.Survival));
        Assert.Equal(plain.Steps.Select(s => s.AtRisk), curve.Steps.Select(s => s.AtRisk));
    }

    /// <summary>As R: a robust variance asked for on (start, stop] data needs clusters (coxph:
    /// "one of cluster or id is needed"; survfit: "id or cluster option required").</summary>
    [Fact]
    public void ARobustVarianceOfIntervalsNeedsClusters()
    {
        var data = new SurvivalData(Time, Status) { Start = new double[Time.Length] };
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(data, [Covariate(X)], new CoxOptions { Robust = true }));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit(data, new KaplanMeierOptions { Robust = true }));
        var clustered = CoxRegression.Fit(data with { Cluster = Enumerable.Range(0, Time.Length).ToArray() }, [Covariate(X)], new CoxOptions { Robust = true });
        Assert.NotNull(clustered.RobustScore);
    }

    /// <summary>An interval whose ends differ by less than R's aeqSurv tolerance closes once near
    /// ties are merged: named, never analysed.</summary>
    [Fact]
    public void AnIntervalClosedByTheTimeFixIsFound()
    {
        var data = new SurvivalData([1 + 1e-12, 4.0], [true, false]) { Start = [1.0, 0.0] };
        Assert.Equal(0, data.IntervalClosedByTimeFix());
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(data, [Covariate([0.0, 1.0])]));
        Assert.Equal(-1, (data with { Time = [2.0, 4.0] }).IntervalClosedByTimeFix());
    }

    /// <summary>A stratum of one record: its risk set is the record alone, which adds nothing to
    /// the score or information (x - x̄ = 0) and log(r/r) = 0 to the log-likelihood, so the fit
    /// equals the fit without it (and R's, in the "edge counting" cases).</summary>
    [Fact]
    public void AStratumOfOneRecordAddsNothing()
    {
        var strata = new CoxStrata("s", Time.Select((_, i) => i == 0 ? 1 : 0).ToArray(), ["big", "single"]);
        var start = new double[Time.Length];
        var with = CoxRegression.Fit(new SurvivalData(Time, Status) { Start = start }, [Covariate(X)], null, strata);
        var without = CoxRegression.Fit(new SurvivalData(Time[1..], Status[1..]) { Start = start[1..] }, [Covariate(X[1..])]);
        Approx.Equal(without.Terms[0].Coefficient, with.Terms[0].Coefficient, 1e-10, "coef");
        Approx.Equal(without.LogLikelihoodEnd, with.LogLikelihoodEnd, 1e-12, "loglik");
    }
}
