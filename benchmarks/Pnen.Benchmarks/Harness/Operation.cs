using Pnen.Benchmarks.Data;
using Pnen.Data;
using Pnen.Stats.Baseline;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

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

    public (BaselineGrouping By, BaselineVariable[] Variables) Table1 { get; } = Suites.Table1Input.From(cohort);

    /// <summary>The cohort's CSV file, written on first use and kept for later runs of the same size.</summary>
    public string CsvPath() => _csv ??= CohortFiles.Ensure(Cohort, folder);
}
