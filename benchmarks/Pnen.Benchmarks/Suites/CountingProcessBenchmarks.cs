using BenchmarkDotNet.Attributes;
using Pnen.Benchmarks.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Benchmarks.Suites;

/// <summary>
/// The general (start, stop] code beside the fast right-censored one: a third of the cohort enters
/// late (at half its time), case weights that are not whole numbers, so that the Cox fit is R's
/// agfit4 with the robust sandwich (two passes of score residuals) and the Kaplan-Meier curves
/// carry survfit's infinitesimal-jackknife variance.
/// </summary>
public class CountingProcessBenchmarks : CohortBenchmark
{
    private CoxCovariate[] _covariates = [];
    private SurvivalData _data = null!;

    public override void Setup()
    {
        base.Setup();
        _covariates = Cohort.Covariates.Select((values, i) => (CoxCovariate)new NumericCovariate(SyntheticCohort.CovariateName(i), values)).ToArray();
        var start = Cohort.Time.Select((t, i) => i % 3 == 0 ? t / 2 : 0).ToArray();
        var weights = Cohort.Time.Select((_, i) => 0.5 + (i % 4) / 4.0).ToArray();
        _data = new SurvivalData(Cohort.Time, Cohort.Status) { Start = start, Weights = weights };
    }

    [Benchmark]
    public CoxResult CoxWeightedRobust() => CoxRegression.Fit(_data, _covariates);

    [Benchmark]
    public IReadOnlyList<KaplanMeierCurve> KaplanMeierWeightedRobust() =>
        KaplanMeier.FitGroups(_data, Cohort.Group, SyntheticCohort.GroupLevels);
}
