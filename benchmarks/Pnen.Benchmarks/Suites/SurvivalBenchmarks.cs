using BenchmarkDotNet.Attributes;
using Pnen.Benchmarks.Data;
using Pnen.Stats.Survival;

namespace Pnen.Benchmarks.Suites;

/// <summary>Kaplan-Meier per group and the log-rank test, plain and stratified.</summary>
public class SurvivalBenchmarks : CohortBenchmark
{
    [Benchmark]
    public IReadOnlyList<KaplanMeierCurve> KaplanMeierByGroup() =>
        KaplanMeier.FitGroups(Cohort.Time, Cohort.Status, Cohort.Group, SyntheticCohort.GroupLevels);

    [Benchmark]
    public LogRankResult LogRankTest() =>
        LogRank.Test(Cohort.Time, Cohort.Status, Cohort.Group, SyntheticCohort.GroupLevels);

    [Benchmark]
    public LogRankResult LogRankStratified() =>
        LogRank.Test(Cohort.Time, Cohort.Status, Cohort.Group, SyntheticCohort.GroupLevels, Cohort.Stratum, SyntheticCohort.StratumCount);
}
