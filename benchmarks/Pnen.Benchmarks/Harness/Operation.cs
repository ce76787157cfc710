using Pnen.Benchmarks.Data;
using Pnen.Data;
using Pnen.Stats.Baseline;
using Pnen.Stats.Regression;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Survival.Cox.Zph;

namespace Pnen.Benchmarks.Harness;

/// <summary>
/// One timed piece of work on a cohort of a given size: what it runs, and the bytes of the
/// numeric columns it consumes (or, for loading, produces), the yardstick of its peak memory.
/// </summary>
internal sealed record Operation(string Name, Func<SyntheticCohort, long> InputBytes, Func<Workload, object> Run)
{
    public static readonly Operation[] All =
    [
        new("km", c => c.Rows * 13L, w => KaplanMeier.FitGroups(w.Cohort.Time, w.Cohort.Status, w.Cohort.Group, SyntheticCohort.GroupLevels)),
        new("logrank", c => c.Rows * 13L, w => LogRank.Test(w.Cohort.Time, w.Cohort.Status, w.Cohort.Group, SyntheticCohort.GroupLevels)),
        new("logrank-strata", c => c.Rows * 17L, w => LogRank.Test(w.Cohort.Time, w.Cohort.Status, w.Cohort.Group, SyntheticCohort.GroupLevels, w.Cohort.Stratum, SyntheticCohort.StratumCount)),
        new("cox-efron", c => c.Rows * 89L, w => CoxRegression.Fit(w.Cohort.Time, w.Cohort.Status, w.Covariates, CoxOptions.Default)),
        new("cox-breslow", c => c.Rows * 89L, w => CoxRegression.Fit(w.Cohort.Time, w.Cohort.Status, w.Covariates, CoxOptions.Default with { Ties = CoxTies.Breslow })),
        new("cox-efron-strata", c => c.Rows * 93L, w => CoxRegression.Fit(w.Cohort.Time, w.Cohort.Status, w.Covariates, CoxOptions.Default, w.Strata)),
        // What `pnen cox` computes beside the fit (R's coxph computes the concordance too), and the
        // analyses of issue 19 whose target is "within 2x of the plain Cox fit".
        new("cox-concordance", c => c.Rows * 89L, w => CoxConcordance.Of(w.Cohort.Time, w.Cohort.Status, w.Covariates, w.PlainFit)),
        new("cox-zph", c => c.Rows * 89L, w => CoxZph.Test(w.Cohort.Time, w.Cohort.Status, w.Covariates, w.PlainFit)),
        new("cox-weighted-robust", c => c.Rows * 97L, w => CoxModel.Fit(w.Weighted, w.Covariates, CoxOptions.Default with { Robust = true })),
        new("cox-counting", c => c.Rows * 97L, w => CoxModel.Fit(w.Counting, w.Covariates, CoxOptions.Default)),
        new("ps-logistic", c => c.Rows * 76L, w => LogisticRegression.Fit(w.Treatment, w.Covariates.Take(SyntheticCohort.CovariateCount - 1).ToArray())),
        new("table1", c => c.Rows * (8L * 9 + 4 * 3), w => BaselineTableBuilder.Build(w.Table1.By, w.Table1.Variables)),
        new("csv-load", c => c.NumericBytes, w => TableReader.Read(w.CsvPath(), CohortFiles.AllColumns)),
    ];
}

/// <summary>A cohort and what the operations need besides it, built outside the timed region.</summary>
internal sealed class Workload(SyntheticCohort cohort, string folder)
{
    private string? _csv;

    public SyntheticCohort Cohort { get; } = cohort;

    public IReadOnlyList<CoxCovariate> Covariates { get; } =
        cohort.Covariates.Select((values, i) => (CoxCovariate)new NumericCovariate(SyntheticCohort.CovariateName(i), values)).ToArray();

    public CoxStrata Strata { get; } = new("stratum", cohort.Stratum, ["1", "2", "3", "4"]);

    /// <summary>The plain Efron fit, which cox-concordance and cox-zph start from (computed once, untimed).</summary>
    public CoxResult PlainFit => _plainFit ??= CoxRegression.Fit(Cohort.Time, Cohort.Status, Covariates);

    private CoxResult? _plainFit;

    /// <summary>Right-censored rows with the cohort's (fractional) case weights.</summary>
    public SurvivalData Weighted { get; } = new(cohort.Time, cohort.Status) { Weights = cohort.Weight };

    /// <summary>(start, stop] rows: the cohort's entry times.</summary>
    public SurvivalData Counting { get; } = new(cohort.Time, cohort.Status) { Start = cohort.Start };

    /// <summary>x10 (0/1) as a two-level treatment, for a logistic propensity model on x1..x9.</summary>
    public CategoricalCovariate Treatment { get; } =
        new("x10", Array.ConvertAll(cohort.Covariates[SyntheticCohort.CovariateCount - 1], v => (int)v), ["0", "1"], 0);

    public (BaselineGrouping By, BaselineVariable[] Variables) Table1 { get; } = Suites.Table1Input.From(cohort);

    /// <summary>The cohort's CSV file, written on first use and kept for later runs of the same size.</summary>
    public string CsvPath() => _csv ??= CohortFiles.Ensure(Cohort, folder);
}
