using BenchmarkDotNet.Attributes;
using Pnen.Benchmarks.Data;
using Pnen.Data;

namespace Pnen.Benchmarks.Suites;

/// <summary>Reading every column of the cohort's CSV file (written once, in a scratch folder).</summary>
public class CsvLoadBenchmarks : CohortBenchmark
{
    private string _path = "";

    public override void Setup()
    {
        base.Setup();
        _path = CohortFiles.Ensure(Cohort, CohortFiles.DefaultFolder);
    }

    [Benchmark]
    public LoadedTable LoadAllColumns() => TableReader.Read(_path, CohortFiles.AllColumns);
}
