using Pnen.Dsl.Hosting;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// A study program given --data in each format (tests/TestData/formats: the same cohort as CSV, SPSS,
/// Stata, Excel and Parquet) writes the same results.json as for the CSV file; an Excel file's sheet
/// is chosen with --sheet. With the host's --engine duckdb (the file read through DuckDB into the
/// codebook's reader) a CSV or Parquet file gives the same results, and a bad value the same error.
/// </summary>
public sealed class FileFormatRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-format-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "formats", name);

    private static StudyPlan<CohortByLabel, CohortArm> Plan => Dsl.Study.Of<CohortByLabel>("Formats")
        .Survival(p => p.Time, p => p.Died)
        .Exposure(p => p.Arm, reference: CohortArm.Standard)
        .Characteristic(p => p.Sex)
        .Characteristic(p => p.Stage)
        .Characteristic(p => p.Karnofsky.Below(60, "<60", ">=60"), label: "Karnofsky")
        .Univariate()
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Sex, p => p.Stage, p => p.Karnofsky.Below(60, "<60", ">=60")));

    private async Task<string> ResultsJson(string data, params string[] more)
    {
        var output = Path.Combine(_folder, Path.GetFileNameWithoutExtension(data) + Path.GetExtension(data).Replace('.', '-'));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await StudyHost.RunAsync(Plan, ["--data", data, "--out", output, "--quiet", "--format", "json", .. more], new StudyRunSettings("formats"), stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        // The results without the lines that name the input (its file name and its bytes' hash).
        return string.Join("\n", File.ReadAllLines(Path.Combine(output, "results.json")).Where(l => !l.Contains(Path.GetFileName(data), StringComparison.Ordinal) && !l.Contains("sha256", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("cohort.sav")]
    [InlineData("cohort.zsav")]
    [InlineData("cohort-117.dta")]
    [InlineData("cohort-119.dta")]
    [InlineData("cohort.parquet")]
    public async Task EveryFormatGivesTheResultsOfTheCsvFile(string file)
    {
        var csv = await ResultsJson(Fixture("cohort.csv"));
        Assert.Contains("\"hazardRatio\"", csv, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(csv, await ResultsJson(Fixture(file)));
    }

    [Fact]
    public async Task AnExcelSheetIsChosenWithSheet()
    {
        var csv = await ResultsJson(Fixture("cohort.csv"));
        Assert.Equal(csv, await ResultsJson(Fixture("cohort.xlsx"), "--sheet", "Cohort"));

        var stderr = new StringWriter();
        var exit = await StudyHost.RunAsync(Plan, ["--data", Fixture("cohort.xlsx"), "--sheet", "Readme", "--out", Path.Combine(_folder, "readme"), "--quiet"], new StudyRunSettings("formats"), new StringWriter(), stderr);
        Assert.Equal(2, exit);
        Assert.Contains("the file has no such column, which the codebook declares for Id", stderr.ToString());
    }

    [Theory]
    [InlineData("cohort.csv")]
    [InlineData("cohort.parquet")]
    public async Task TheDuckDbEngineGivesTheSameResults(string file) =>
        Assert.Equal(await ResultsJson(Fixture(file)), await ResultsJson(Fixture(file), "--engine", "duckdb"));

    [Fact]
    public async Task TheDuckDbEngineGivesTheSameErrorForABadValue()
    {
        var lines = File.ReadAllLines(Fixture("cohort.csv"));
        var time = Array.IndexOf(lines[0].Split(','), "\"time\"");
        var cells = lines[5].Split(',');
        cells[time] = "-3";
        lines[5] = string.Join(',', cells);
        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(bad, lines);

        async Task<(int, string)> Run(params string[] more)
        {
            var stderr = new StringWriter();
            var exit = await StudyHost.RunAsync(Plan, ["--data", bad, "--out", Path.Combine(_folder, "bad"), "--quiet", .. more], new StudyRunSettings("formats"), new StringWriter(), stderr);
            return (exit, stderr.ToString());
        }
        var memory = await Run();
        Assert.Equal(2, memory.Item1);
        Assert.Contains("row 5", memory.Item2, StringComparison.Ordinal);
        Assert.Equal(memory, await Run("--engine", "duckdb"));
    }
}
