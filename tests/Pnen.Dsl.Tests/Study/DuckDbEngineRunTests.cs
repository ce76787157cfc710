using Pnen.Dsl.Hosting;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// A study run with the host's <c>--engine duckdb</c> (the --data file read through DuckDB into the
/// codebook's reader) writes the results.json of the default engine, for CSV and Parquet, and a
/// bad value gives the same one-line error, row and column included.
/// </summary>
public sealed class DuckDbEngineRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-duckdb-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "formats", name);

    private static StudyPlan<CohortByLabel, CohortArm> Plan => Dsl.Study.Of<CohortByLabel>("Formats")
        .Survival(p => p.Time, p => p.Died)
        .Exposure(p => p.Arm, reference: CohortArm.Standard)
        .Characteristic(p => p.Sex)
        .Characteristic(p => p.Karnofsky.Below(60, "<60", ">=60"), label: "Karnofsky")
        .Univariate();

    private async Task<(int Exit, string Results, string Stderr)> Run(string data, params string[] more)
    {
        var output = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        var stderr = new StringWriter();
        var exit = await StudyHost.RunAsync(Plan, ["--data", data, "--out", output, "--quiet", "--format", "json", .. more], new StudyRunSettings("formats"), new StringWriter(), stderr);
        var results = exit == 0 ? File.ReadAllText(Path.Combine(output, "results.json")) : "";
        return (exit, results, stderr.ToString());
    }

    [Theory]
    [InlineData("cohort.csv")]
    [InlineData("cohort.parquet")]
    public async Task GivesTheResultsOfTheDefaultEngine(string file)
    {
        var memory = await Run(Fixture(file));
        Assert.True(memory.Exit == 0, memory.Stderr);
        Assert.Contains("\"hazardRatio\"", memory.Results, StringComparison.OrdinalIgnoreCase);
        var duckdb = await Run(Fixture(file), "--engine", "duckdb");
        Assert.True(duckdb.Exit == 0, duckdb.Stderr);
        Assert.Equal(memory.Results, duckdb.Results);
    }

    [Fact]
    public async Task ABadValueIsTheSameError()
    {
        var lines = File.ReadAllLines(Fixture("cohort.csv"));
        var header = lines[0].Split(',');
        var time = Array.IndexOf(header, "\"time\"");
        var cells = lines[5].Split(',');
        cells[time] = "-3";
        lines[5] = string.Join(',', cells);
        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(bad, lines);

        var memory = await Run(bad);
        var duckdb = await Run(bad, "--engine", "duckdb");
        Assert.Equal(2, memory.Exit);
        Assert.Equal(memory.Exit, duckdb.Exit);
        Assert.Contains("row 5", memory.Stderr, StringComparison.Ordinal);
        Assert.Equal(memory.Stderr, duckdb.Stderr);
    }
}
