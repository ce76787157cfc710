using System.Text.Json;
using DuckDB.NET.Data;

namespace Pnen.Cli.Tests;

/// <summary>
/// <c>pnen cox --engine duckdb</c> (counts per (stratum, time, status, covariate pattern), fitted as
/// frequencies) against the memory engine on the same files: every field the same, numbers to
/// 1e-9 relative (the sums run over entries instead of rows, so the last bits may differ), except
/// the concordance, which needs the rows: null, with a warning saying so (and Firth's estimate
/// beside an infinite coefficient, likewise). A fit where a coefficient heads to infinity
/// (separation: a flat likelihood) magnifies those last bits: there the agreement is 1e-6, the
/// project's tolerance against R. The memory engine's numbers are checked against R elsewhere.
/// </summary>
public class DuckDbCoxTests
{
    private const double Tolerance = 1e-9;
    private const double NotConverged = 1e-6;
    private const string NoConcordance = "concordance is not computed by --engine duckdb: it needs the rows (use --engine memory)";

    public static TheoryData<string> CommandLines => new()
    {
        "--data lung.csv --time time --event event --covariates sex,ph.ecog --categorical ph.ecog --strata inst",
        "--data lung.csv --time time --event event --covariates sex,ph.ecog --categorical ph.ecog:1 --ties breslow",
        "--data lung.csv --time time --event event --covariates age,sex,wt.loss --format md",
        "--data veteran.csv --time time --event status --covariates trt,celltype,prior --strata karno",
        "--data aml.csv --time time --event status --covariates x --conf-level 0.9",
        "--data extra/colon.csv --time time --event status --covariates rx,sex,obstruct,extent --categorical extent --strata differ",
        "--data extra/edge.csv --time time --event event --covariates arm",
        "--data formats/cohort.parquet --time time --event status --covariates trt,sex,stage --strata smoker",
        "--data formats/cohort.csv --time time --event status --covariates trt,karno,centre",
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void AgreesWithTheMemoryEngine(string commandLine) => AssertAgree(Args(commandLine));

    /// <summary>The same models with the rows streamed through each Newton step (CoxRegression.FitStream).</summary>
    [Theory]
    [MemberData(nameof(CommandLines))]
    public void StreamingAgreesWithTheMemoryEngine(string commandLine) => AssertAgree(Args(commandLine), "--duckdb-cox", "stream");

    /// <summary>The 3,000 rows behind tests/TestData/duckdb/patterns.csv (three categorical
    /// covariates, strata with a stratum of one record, 25 distinct times), as CSV and as Parquet.</summary>
    [Theory]
    [InlineData("csv", "efron")]
    [InlineData("parquet", "efron")]
    [InlineData("csv", "breslow")]
    public void AgreesOnHeavilyTiedRows(string format, string ties)
    {
        var path = ExpandedPatterns(format);
        var json = CliRunner.Json("cox", "--data", path, "--time", "time", "--event", "status", "--covariates", "arm,sex,grade", "--strata", "centre", "--ties", ties, "--engine", "duckdb");
        Assert.Equal(3000, json.GetProperty("n").GetInt32());
        string[] args = ["--data", path, "--time", "time", "--event", "status", "--covariates", "arm,sex,grade", "--strata", "centre", "--ties", ties];
        AssertAgree(args);
        AssertAgree(args, "--duckdb-cox", "stream");
    }

    /// <summary>Missing covariates, strata, times and events; a level only in rows without a time; a
    /// constant covariate; a level without events (an infinite coefficient); a reference level.</summary>
    [Theory]
    [InlineData("--covariates g,c,flat", "counts")]
    [InlineData("--covariates g,c --categorical g:y --strata s", "counts")]
    [InlineData("--covariates c,g --categorical c --ties breslow", "counts")]
    [InlineData("--covariates g,c,flat", "stream")]
    [InlineData("--covariates g,c --categorical g:y --strata s", "stream")]
    [InlineData("--covariates c,g --categorical c --ties breslow", "stream")]
    public void AgreesOnEdgeCases(string options, string mode)
    {
        var path = Write("""
            t,e,g,c,flat,s
            1,1,x,1,5,a
            1,1,y,2,5,a
            2,0,x,1,5,b
            2,1,y,,5,b
            3,1,x,2,5,a
            3,1,y,1,5,
            4,0,never,1,5,a
            ,1,onlymissing,1,5,a
            5,NA,x,2,5,b
            6,1,x,1,5,b
            6,1,y,2,5,a
            7,0,y,1,5,b
            8,1,x,2,5,a
            9,0,z,1,5,b
            9,0,z,2,5,a
            """);
        AssertAgree(Args($"--data {path} --time t --event e {options}"), "--duckdb-cox", mode);
    }

    [Theory]
    [InlineData("--covariates g --categorical g:nope")]
    [InlineData("--covariates g,t")]
    [InlineData("--covariates g --robust")]
    [InlineData("--covariates g --zph km")]
    public void UserErrorsAreTheSameLine(string options)
    {
        var path = Write("t,e,g\n1,1,a\n2,0,b\n3,1,a\n");
        var args = Args($"cox --data {path} --time t --event e {options}");
        var memory = CliRunner.Run(args);
        var duckdb = CliRunner.FailsWithOneLine([.. args, "--engine", "duckdb"]);
        if (memory.Exit == 0)
        {
            Assert.Contains("not available with --engine duckdb", duckdb, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(memory.Stderr, duckdb);
    }

    [Fact]
    public void StreamingNeedsTheDuckDbEngine()
    {
        var line = CliRunner.FailsWithOneLine(Args("cox --data lung.csv --time time --event event --covariates age --duckdb-cox stream"));
        Assert.Contains("--duckdb-cox applies with --engine duckdb only", line, StringComparison.Ordinal);
    }

    private static void AssertAgree(string[] args, params string[] duckdbOptions)
    {
        var memory = CliRunner.Run(["cox", .. args]);
        Assert.True(memory.Exit == 0, memory.Stderr);
        var duckdb = CliRunner.Run(["cox", .. args, "--engine", "duckdb", .. duckdbOptions]);
        Assert.True(duckdb.Exit == 0, duckdb.Stderr);
        Assert.Equal(duckdb, CliRunner.Run(["cox", .. args, "--engine", "duckdb", .. duckdbOptions])); // reruns are the same bytes
        if (args.Contains("md"))
        {
            Assert.Contains(NoConcordance, duckdb.Stdout, StringComparison.Ordinal);
            return;
        }
        using var m = JsonDocument.Parse(memory.Stdout);
        using var d = JsonDocument.Parse(duckdb.Stdout);
        var expected = m.RootElement;
        var actual = d.RootElement;
        var separated = !expected.GetProperty("converged").GetBoolean() || expected.GetProperty("terms").EnumerateArray().Any(t => t.GetProperty("possiblyInfinite").GetBoolean());
        var tolerance = separated ? NotConverged : Tolerance;
        var names = expected.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).ToArray());
        foreach (var name in names)
        {
            var (e, a) = (expected.GetProperty(name), actual.GetProperty(name));
            switch (name)
            {
                case "concordance":
                    Assert.Equal(JsonValueKind.Null, a.ValueKind);
                    break;
                case "warnings":
                    var mine = a.EnumerateArray().Select(w => w.GetString()).ToList();
                    static bool Firth(string? w) => w!.StartsWith("Firth's penalised estimate", StringComparison.Ordinal) || w.StartsWith("no Firth estimate", StringComparison.Ordinal);
                    var theirs = e.EnumerateArray().Select(w => w.GetString()).Where(w => !Firth(w)).ToList();
                    if (expected.GetProperty("terms").GetArrayLength() > 0) theirs.Add(NoConcordance);
                    Assert.Equal(theirs, mine.Where(w => !Firth(w)));
                    break;
                case "terms":
                    Assert.Equal(e.GetArrayLength(), a.GetArrayLength());
                    for (var i = 0; i < e.GetArrayLength(); i++)
                    {
                        foreach (var field in a[i].EnumerateObject()) JsonNear.Same(e[i].GetProperty(field.Name), field.Value, $"terms[{i}].{field.Name}", tolerance);
                    }
                    break;
                default:
                    JsonNear.Same(e, a, name, tolerance);
                    break;
            }
        }
    }

    private static string ExpandedPatterns(string format)
    {
        var folder = Folder();
        var target = Path.Combine(folder, "rows." + format);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var source = CliRunner.Data("duckdb/patterns.csv").Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"COPY (SELECT p.centre, p.time, p.status, p.arm, p.sex, p.grade FROM read_csv('{source}', header = true, all_varchar = true) AS p, " +
            $"range(CAST(p.count AS BIGINT)) ORDER BY p.centre, CAST(p.time AS DOUBLE), p.status, p.arm, p.sex, p.grade) TO '{target}' ({(format == "csv" ? "HEADER, DELIMITER ','" : "FORMAT PARQUET")})";
        command.ExecuteNonQuery();
        return target;
    }

    private static string[] Args(string commandLine)
    {
        var parts = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Select((a, i) => i > 0 && parts[i - 1] == "--data" && !Path.IsPathRooted(a) ? CliRunner.Data(a) : a).ToArray();
    }

    private static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pnen-duckdb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Folder(), "cox.csv");
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }
}
