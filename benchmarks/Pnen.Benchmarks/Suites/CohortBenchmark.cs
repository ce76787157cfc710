using BenchmarkDotNet.Attributes;
using Pnen.Benchmarks.Data;

namespace Pnen.Benchmarks.Suites;

/// <summary>The synthetic cohort each suite runs on, generated once per size outside the measurement.</summary>
[MemoryDiagnoser]
public abstract class CohortBenchmark
{
    [Params(1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int Rows { get; set; }

    protected SyntheticCohort Cohort { get; private set; } = null!;

    [GlobalSetup]
    public virtual void Setup() => Cohort = SyntheticCohort.Generate(Rows);
}
