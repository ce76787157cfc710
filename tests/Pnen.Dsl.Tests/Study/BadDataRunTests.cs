using System.Security.Cryptography;
using System.Text;
using Pnen.Dsl.Hosting;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// A running study (StudyHost behind a [Study]'s RunAsync) given a bad --data file: exit code 2, a
/// message naming the file and, for a bad value, its row, column and value; no stack trace; and the
/// report folder of the previous good run left byte for byte as it was. Valid but unusual files (BOM,
/// CRLF, quoted commas and line breaks) run.
/// </summary>
public sealed class BadDataRunTests : IDisposable
{
    private static readonly string Lung = Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv");
    private static readonly string[] LungLines = File.ReadAllLines(Lung);

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-bad-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Report => Path.Combine(_folder, "report");

    private string Data(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(StudyPlan<LungPatient, Sex> plan, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await StudyHost.RunAsync(plan, args, new StudyRunSettings("lung study"), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A good report first, then the bad run into the same folder; returns what the bad run said.</summary>
    private async Task<string> FailsAndKeepsThePreviousReport(string data, params string[] more)
    {
        Assert.Equal(0, (await Run(LungStudy.Plan, ["--data", Lung, "--out", Report, "--quiet", "--format", "md,json"])).Exit);
        var before = Snapshot(Report);

        var (exit, _, stderr) = await Run(LungStudy.Plan, ["--data", data, "--out", Report, "--quiet", .. more]);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        Assert.Contains(Path.GetFileName(data), stderr);
        Assert.Equal(before, Snapshot(Report));
        Assert.Equal(["report"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Where(n => n != Path.GetFileName(data) && !n!.EndsWith(".csv", StringComparison.Ordinal) && !n.EndsWith(".bin", StringComparison.Ordinal)));
        return stderr;
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static string Header => LungLines[0];

    /// <summary>The first data row of lung.csv with one field replaced (fields: inst, time, age, sex, ph.ecog, ph.karno, pat.karno, meal.cal, wt.loss, event).</summary>
    private static string Row(int field, string value)
    {
        var fields = LungLines[1].Split(',');
        fields[field] = value;
        return string.Join(",", fields);
    }

    [Theory]
    [InlineData(1, "abc", "time", "not a number")]
    [InlineData(1, "-5", "time", "negative")]
    [InlineData(1, "NaN", "time", "finite")]
    [InlineData(1, "Infinity", "time", "finite")]
    [InlineData(2, "1e999", "age", "finite")]
    [InlineData(2, "-Infinity", "age", "finite")]
    [InlineData(8, "NaN", "wt.loss", "finite")]
    [InlineData(5, "1e400", "ph.karno", "finite")]
    [InlineData(9, "2", "event", "an event must be")]
    [InlineData(9, "dead", "event", "an event must be")]
    [InlineData(3, "3", "sex", "not a level")]
    public async Task ABadValueIsNamedByRowColumnAndValue(int field, string value, string column, string problem)
    {
        var stderr = await FailsAndKeepsThePreviousReport(Data("bad.csv", Lines(Header, LungLines[1], Row(field, value))));
        Assert.Contains("row 2", stderr);
        Assert.Contains($"column '{column}'", stderr);
        Assert.Contains($"value '{value}'", stderr);
        Assert.Contains(problem, stderr);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("HEADER", "no data rows")]
    [InlineData("HEADER\nROW\n3,306,74", "row 2: has 3 fields but the header has 10 columns")]
    [InlineData("HEADER,extra\nROW,1", "column 'extra'")]
    [InlineData("inst,inst,age,sex,ph.ecog,ph.karno,pat.karno,meal.cal,wt.loss,event\nROW", "more than once")]
    [InlineData("\"inst\",\"age\",\"sex\",\"ph.ecog\",\"ph.karno\",\"pat.karno\",\"meal.cal\",\"wt.loss\",\"event\"\n3,74,1,1,90,100,1175,,1", "column 'time'")]
    [InlineData("HEADER\nROW\n\"3,306,74,1,1,90,100,1175,,1\n", "row 2")]
    public async Task AMalformedFileIsRefusedWithItsPlace(string content, string expected)
    {
        var text = content.Replace("HEADER", Header, StringComparison.Ordinal).Replace("ROW", LungLines[1], StringComparison.Ordinal);
        Assert.Contains(expected, await FailsAndKeepsThePreviousReport(Data("bad.csv", text)));
    }

    [Fact]
    public async Task ABinaryFileIsRefused()
    {
        var path = Path.Combine(_folder, "cohort.bin");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x0A]); // a zip (xlsx) header
        Assert.Contains("binary", await FailsAndKeepsThePreviousReport(path));
    }

    [Fact]
    public async Task ALatin1FileIsRefused()
    {
        var path = Path.Combine(_folder, "latin1.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(Header + "\n" + LungLines[1] + "\n"), .. Encoding.ASCII.GetBytes("3,306,74,1,1,90,100,1175,"), 0xE9, .. "\n"u8]);
        Assert.Contains("UTF-8", await FailsAndKeepsThePreviousReport(path));
    }

    [Fact]
    public async Task AMissingFileOrAFolderIsRefused()
    {
        Assert.Contains("file not found", await FailsAndKeepsThePreviousReport(Path.Combine(_folder, "nope.csv")));
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "a-folder.csv")).FullName;
        Assert.Contains("is a folder", await FailsAndKeepsThePreviousReport(folder));
    }

    [Fact]
    public async Task EveryBadValueIsListedAtOnce()
    {
        var stderr = await FailsAndKeepsThePreviousReport(Data("bad.csv", Lines(Header, Row(1, "x"), Row(2, "y"), Row(9, "7"))));
        Assert.Contains("3 errors", stderr);
        Assert.Contains("row 1, column 'time', value 'x'", stderr);
        Assert.Contains("row 2, column 'age', value 'y'", stderr);
        Assert.Contains("row 3, column 'event', value '7'", stderr);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("-3")]
    public async Task ABadSuppressionThresholdIsAUsageError(string value)
    {
        var (exit, _, stderr) = await Run(LungStudy.Plan, ["--data", Lung, "--out", Report, "--suppress-below", value]);
        Assert.Equal(2, exit);
        Assert.Contains("--suppress-below", stderr);
        Assert.False(Directory.Exists(Report));
    }

    [Fact]
    public async Task TheSuppressionThresholdReachesTheReport()
    {
        Assert.Equal(0, (await Run(LungStudy.Plan, ["--data", Lung, "--out", Report, "--quiet", "--suppress-below", "11"])).Exit);
        Assert.Contains("\"suppressBelow\": 11", File.ReadAllText(Path.Combine(Report, "manifest.json")));
        Assert.Contains("\"disclosure\"", File.ReadAllText(Path.Combine(Report, "results.json")));
    }

    [Fact]
    public async Task ABugInAPlanLambdaIsOneLineAndExitCodeOne()
    {
        Assert.Equal(0, (await Run(LungStudy.Plan, ["--data", Lung, "--out", Report, "--quiet", "--format", "md"])).Exit);
        var before = Snapshot(Report);
        // ph.ecog is missing in some rows: .Value throws inside the plan.
        var broken = LungStudy.Plan.Exclude("ECOG above 3", p => p.PhEcog!.Value > 3);
        var (exit, _, stderr) = await Run(broken, ["--data", Lung, "--out", Report, "--quiet"]);
        Assert.Equal(1, exit);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.Contains("InvalidOperationException", stderr);
        Assert.Contains("PNEN_DEBUG=1", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal(before, Snapshot(Report));
    }

    [Fact]
    public async Task TheGeneratedEntryPointReturnsTwoForBadData()
    {
        var exit = await LungStudy.RunAsync(["--data", Data("bad.csv", Lines(Header, Row(1, "soon"))), "--out", Report, "--quiet"]);
        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(Report));
    }

    [Fact]
    public async Task ABomCrlfAndQuotedFieldsRun()
    {
        var quoted = LungLines.Take(60).Select((line, i) => i == 0 ? line : "\"" + line.Replace(",", "\",\"", StringComparison.Ordinal) + "\"");
        var path = Data("quirks.csv", string.Join("\r\n", quoted) + "\r\n", new UTF8Encoding(true));
        var (exit, _, stderr) = await Run(LungStudy.Plan, ["--data", path, "--out", Report, "--quiet", "--format", "json"]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("\"recruited\": 59", File.ReadAllText(Path.Combine(Report, "results.json")));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
