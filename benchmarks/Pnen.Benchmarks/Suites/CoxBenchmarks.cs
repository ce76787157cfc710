using BenchmarkDotNet.Attributes;
using Pnen.Benchmarks.Data;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Benchmarks.Suites;

/// <summary>Cox regression on ten covariates: Efron and Breslow ties, with and without four strata.</summary>
public class CoxBenchmarks : CohortBenchmark
{
    private CoxCovariate[] _covariates = [];
    private CoxStrata _strata = null!;

    [Params(CoxTies.Efron, CoxTies.Breslow)]
    public CoxTies Ties { get; set; }

    [Params(false, true)]
    public bool Stratified { get; set; }

    public override void Setup()
    {
        base.Setup();
        _covariates = Cohort.Covariates.Select((values, i) => (CoxCovariate)new NumericCovariate(SyntheticCohort.CovariateName(i), values)).ToArray();
        _strata = new CoxStrata("stratum", Cohort.Stratum, ["1", "2", "3", "4"]);
    }

    [Benchmark]
    public CoxResult Fit() =>
        CoxRegression.Fit(Cohort.Time, Cohort.Status, _covariates, CoxOptions.Default with { Ties = Ties }, Stratified ? _strata : null);
}
