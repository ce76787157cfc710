using BenchmarkDotNet.Attributes;
using Pnen.Benchmarks.Data;
using Pnen.Stats.Baseline;

namespace Pnen.Benchmarks.Suites;

/// <summary>Table 1 by group: nine continuous covariates and two categorical ones (stratum, x10).</summary>
public class Table1Benchmarks : CohortBenchmark
{
    private BaselineGrouping _by = null!;
    private BaselineVariable[] _variables = [];

    public override void Setup()
    {
        base.Setup();
        (_by, _variables) = Table1Input.From(Cohort);
    }

    [Benchmark]
    public BaselineTable Build() => BaselineTableBuilder.Build(_by, _variables);
}

/// <summary>The cohort as Table 1 input, shared by the suite and the scaling harness.</summary>
internal static class Table1Input
{
    public static (BaselineGrouping By, BaselineVariable[] Variables) From(SyntheticCohort cohort)
    {
        var variables = new List<BaselineVariable>();
        for (var c = 0; c < SyntheticCohort.CovariateCount - 1; c++)
        {
            variables.Add(new ContinuousVariable(SyntheticCohort.CovariateName(c), cohort.Covariates[c]));
        }
        var x10 = Array.ConvertAll(cohort.Covariates[^1], v => (int)v);
        variables.Add(new CategoricalVariable("x10", x10, ["0", "1"]));
        variables.Add(new CategoricalVariable("stratum", cohort.Stratum, ["1", "2", "3", "4"]));
        return (new BaselineGrouping("group", cohort.Group, SyntheticCohort.GroupLevels), variables.ToArray());
    }
}
