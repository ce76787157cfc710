using System.Text;
using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// The record options (--start, --weights, --cluster, --robust, --tdc, --landmark) on bad input
/// and at their edges: a bad value is exit code 2 with one line naming file, row, column and
/// value; a combination R refuses, or that has no meaning, is a usage error saying why; and the
/// outputs they add appear only when asked for.
/// </summary>
public sealed class CountingProcessOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-cp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string content)
    {
        var path = Path.Combine(_folder, $"d{Directory.GetFiles(_folder).Length}.csv");
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private const string Cohort = "t,e,s,w,x,c,g\n5,1,0,1.5,0.2,a,u\n8,0,2,0.5,1.1,a,v\n3,1,1,2,-0.4,b,u\n9,1,0,1,0.7,b,v\n4,0,0,0.25,0.3,c,u\n7,1,3,1,-1,c,v\n";

    private static string FailsWithOneLine(params string[] args) => CliRunner.FailsWithOneLine(args);

    private string[] Cox(string content, params string[] more) => ["cox", "--data", File(content), "--time", "t", "--event", "e", "--covariates", "x", .. more];

    [Theory]
    [InlineData("", "row 2", "weight is missing")]
    [InlineData("-1", "row 2", "must not be negative")]
    [InlineData("Infinity", "row 2", "not a finite number")]
    [InlineData("abc", "row 2", "not a number")]
    public void ABadWeightNamesItsRow(string weight, string row, string problem)
    {
        var content = Cohort.Replace("8,0,2,0.5,", $"8,0,2,{weight},", StringComparison.Ordinal);
        foreach (var command in new[] { "cox", "km" })
        {
            var args = command == "cox" ? Cox(content, "--weights", "w") : ["km", "--data", File(content), "--time", "t", "--event", "e", "--weights", "w"];
            var message = FailsWithOneLine(args);
            Assert.Contains(row, message);
            Assert.Contains("column 'w'", message);
            Assert.Contains(problem, message);
        }
    }

    [Fact]
    public void AnEntryNotBeforeTheStopNamesItsRow()
    {
        var message = FailsWithOneLine(Cox(Cohort.Replace("3,1,1,", "3,1,3,", StringComparison.Ordinal), "--start", "s"));
        Assert.Contains("row 3", message);
        Assert.Contains("column 's'", message);
        Assert.Contains("'3'", message);
    }

    [Fact]
    public void ATimeOfZeroCannotBeSplitFromZero()
    {
        var message = FailsWithOneLine(Cox(Cohort.Replace("4,0,0,", "0,0,0,", StringComparison.Ordinal), "--tdc", "tx:s"));
        Assert.Contains("row 5", message);
        Assert.Contains("column 't'", message);
        Assert.Contains("tmerge", message);
    }

    [Theory]
    [InlineData("tx", "NAME:COLUMN")]
    [InlineData("t:s", "must differ")]
    [InlineData("tx:s,tx:w", "more than once")]
    public void AMalformedTdcIsAUsageError(string tdc, string problem) =>
        Assert.Contains(problem, FailsWithOneLine(Cox(Cohort, "--tdc", tdc)));

    [Fact]
    public void CombinationsWithoutMeaningOrRefusedByRAreUsageErrors()
    {
        Assert.Contains("--cluster", FailsWithOneLine(Cox(Cohort, "--start", "s", "--robust")));
        Assert.Contains("contradicts", FailsWithOneLine(Cox(Cohort, "--robust", "--no-robust")));
        Assert.Contains("--start", FailsWithOneLine(Cox(Cohort, "--start", "s", "--landmark", "2")));
        Assert.Contains("different columns", FailsWithOneLine(Cox(Cohort, "--weights", "w", "--cluster", "w")));
        Assert.Contains("no row has a time after the landmark", FailsWithOneLine(Cox(Cohort, "--landmark", "20")));
        string[] logrank = ["logrank", "--data", File(Cohort), "--time", "t", "--event", "e", "--group", "g"];
        Assert.Contains("survdiff has no case weights", FailsWithOneLine([.. logrank, "--weights", "w"]));
        Assert.Contains("--rho", FailsWithOneLine([.. logrank, "--tdc", "tx:s", "--rho", "1"]));
    }

    /// <summary>--tdc repeats or takes a comma list, the same either way; its NAME is a column
    /// for --covariates, --categorical, --strata and --group alike.</summary>
    [Fact]
    public void TdcRepeatsOrListsAndItsNameIsAColumn()
    {
        var path = File(Cohort);
        string[] common = ["cox", "--data", path, "--time", "t", "--event", "e", "--covariates", "a,b"];
        var repeated = CliRunner.Run([.. common, "--tdc", "a:s", "--tdc", "b:x"]);
        var listed = CliRunner.Run([.. common, "--tdc", "a:s,b:x"]);
        Assert.Equal(0, repeated.Exit);
        Assert.Equal(listed.Stdout, repeated.Stdout);

        var categorical = CliRunner.Json("cox", "--data", path, "--time", "t", "--event", "e", "--covariates", "a,x", "--tdc", "a:s", "--categorical", "a");
        Assert.Equal("1", categorical.GetProperty("terms")[0].GetProperty("level").GetString());
        var km = CliRunner.Json("km", "--data", path, "--time", "t", "--event", "e", "--tdc", "a:s", "--group", "a");
        Assert.Equal(["0", "1"], km.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("level").GetString()));
    }

    /// <summary>The robust fields appear with a robust variance only; the km variance field with
    /// --weights only, and whole-number counts still print as integers.</summary>
    [Fact]
    public void NewFieldsAppearOnlyWhenAskedFor()
    {
        var plain = CliRunner.Json(Cox(Cohort));
        Assert.False(plain.TryGetProperty("variance", out _));
        Assert.False(plain.GetProperty("tests").TryGetProperty("robust", out _));
        Assert.False(plain.GetProperty("terms")[0].TryGetProperty("naiveSe", out _));

        var robust = CliRunner.Json(Cox(Cohort, "--cluster", "c"));
        Assert.Equal("robust", robust.GetProperty("variance").GetString());
        Assert.Equal(3, robust.GetProperty("clusters").GetInt32());
        Assert.True(robust.GetProperty("terms")[0].GetProperty("naiveSe").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Object, robust.GetProperty("tests").GetProperty("robust").ValueKind);

        var (_, km, _) = CliRunner.Run("km", "--data", File(Cohort), "--time", "t", "--event", "e");
        Assert.DoesNotContain("\"variance\"", km);
        Assert.Contains("\"atRisk\": 6,", km);
        var weighted = CliRunner.Json("km", "--data", File(Cohort), "--time", "t", "--event", "e", "--weights", "w");
        Assert.Equal("robust", weighted.GetProperty("variance").GetString());
        Assert.Equal(6.25, weighted.GetProperty("groups")[0].GetProperty("steps")[0].GetProperty("atRisk").GetDouble());
    }

    /// <summary>One cluster: no robust variance (see the engine's test); the JSON says null, never a number.</summary>
    [Fact]
    public void OneClusterGivesNullsAndSaysWhy()
    {
        var oneCluster = string.Join('\n', Cohort.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : string.Join(',', line.Split(',').Select((v, j) => j == 5 ? "z" : v))));
        var json = CliRunner.Json(Cox(oneCluster, "--cluster", "c"));
        var term = json.GetProperty("terms")[0];
        foreach (var field in new[] { "se", "z", "p", "lower", "upper" }) Assert.Equal(JsonValueKind.Null, term.GetProperty(field).ValueKind);
        Assert.True(term.GetProperty("naiveSe").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("tests").GetProperty("robust").ValueKind);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("at least two clusters", StringComparison.Ordinal));
    }

    /// <summary>Concordance, zph and Firth are computed for right-censored unweighted rows (a
    /// landmark's too); with intervals, weights or a robust variance the concordance is null and
    /// said so, and --zph or --firth is a usage error rather than a number for other data.</summary>
    [Fact]
    public void ChecksOfTheFitApplyToRightCensoredUnweightedRowsOnly()
    {
        var intervals = CliRunner.Json(Cox(Cohort, "--start", "s"));
        Assert.Equal(JsonValueKind.Null, intervals.GetProperty("concordance").ValueKind);
        Assert.Contains(intervals.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("concordance is not computed", StringComparison.Ordinal));
        Assert.Contains("--zph", FailsWithOneLine(Cox(Cohort, "--weights", "w", "--zph", "km")));
        Assert.Contains("--firth", FailsWithOneLine(Cox(Cohort, "--cluster", "c", "--firth", "--ties", "breslow")));

        var landmark = CliRunner.Json(Cox(Cohort, "--landmark", "1", "--zph", "km"));
        Assert.Equal(JsonValueKind.Object, landmark.GetProperty("concordance").ValueKind);
        Assert.Equal(JsonValueKind.Object, landmark.GetProperty("zph").ValueKind);
    }

    [Fact]
    public void HelpListsTheNewOptions()
    {
        var (_, cox, _) = CliRunner.Run("cox", "--help");
        foreach (var option in new[] { "--start", "--weights", "--robust", "--cluster", "--no-robust", "--tdc", "--landmark" }) Assert.Contains(option, cox);
        var (_, km, _) = CliRunner.Run("km", "--help");
        foreach (var option in new[] { "--start", "--weights", "--tdc", "--landmark" }) Assert.Contains(option, km);
        var (_, logrank, _) = CliRunner.Run("logrank", "--help");
        foreach (var option in new[] { "--start", "--tdc", "--landmark" }) Assert.Contains(option, logrank);
    }
}
