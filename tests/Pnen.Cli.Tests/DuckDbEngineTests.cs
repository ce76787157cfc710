namespace Pnen.Cli.Tests;

/// <summary>
/// <c>--engine duckdb</c> against the memory engine on the same files: the output must be the same
/// bytes (JSON and Markdown; the memory engine's numbers are checked against R elsewhere), user
/// errors the same line, and a rerun the same bytes again. Files cover ties, strata with one record,
/// levels seen only in dropped rows, missing values in several columns, near-tied times, Parquet
/// with typed columns and CSV read as text.
/// </summary>
public class DuckDbEngineTests
{
    public static TheoryData<string> CommandLines => new()
    {
        "km --data lung.csv --time time --event event",
        "km --data lung.csv --time time --event event --group sex --tau 500",
        "km --data lung.csv --time time --event event --group ph.ecog --conf-type log-log --format md",
        "km --data aml.csv --time time --event status --group x --conf-type plain --conf-level 0.9",
        "km --data veteran.csv --time time --event status --group celltype",
        "km --data ovarian.csv --time futime --event fustat --group rx",
        "km --data extra/edge.csv --time time --event event --group arm",
        "km --data extra/mgus2.csv --time futime --event death --group sex",
        "km --data formats/cohort.csv --time time --event status --group smoker",
        "km --data formats/cohort.parquet --time time --event status --group centre",
        "logrank --data lung.csv --time time --event event --group sex",
        "logrank --data lung.csv --time time --event event --group ph.ecog --strata sex --rho 1",
        "logrank --data lung.csv --time time --event event --group sex --strata inst",
        "logrank --data veteran.csv --time time --event status --group trt --strata celltype --format md",
        "logrank --data aml.csv --time time --event status --group x --rho 0.5",
        "logrank --data extra/pbc.csv --time time --event death --group trt --strata stage",
        "logrank --data extra/colon.csv --time time --event status --group rx --strata differ",
        "logrank --data extra/edge.csv --time time --event event --group arm",
        "logrank --data formats/cohort.parquet --time time --event status --group trt --strata sex",
        "logrank --data formats/cohort.csv --time time --event status --group smoker --strata stage",
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void GivesTheMemoryEnginesBytes(string commandLine)
    {
        var args = Args(commandLine);
        var memory = CliRunner.Run(args);
        Assert.True(memory.Exit == 0, memory.Stderr);
        var duckdb = CliRunner.Run([.. args, "--engine", "duckdb"]);
        Assert.Equal(memory, duckdb);
        Assert.Equal(duckdb, CliRunner.Run([.. args, "--engine", "duckdb"]));
    }

    /// <summary>Ties at the first and last time, a stratum with one record, a group level ("c") only
    /// in rows dropped for a missing time, missing values in time, event, group and strata, numeric
    /// levels ("10" after "9"), near-tied times (0.1 + 0.2 written out against 0.3), white space
    /// and NA as missing, true/false events and 1.0 as an event.</summary>
    [Theory]
    [InlineData("km", "")]
    [InlineData("km", "--group g")]
    [InlineData("logrank", "--group g")]
    [InlineData("logrank", "--group g --strata s")]
    [InlineData("logrank", "--group s --strata g --rho 1")]
    public void EdgeCasesGiveTheMemoryEnginesBytes(string command, string options)
    {
        var path = Write("edge.csv", """
            t,e,g,s
            1,1,9,a
            1,1,10,a
            1,0,9,b
            0.30000000000000004,1,9,a
            0.3,true,10,a
            0.3, FALSE ,9,a
            2,1.0,10,one
            ,1,c,a
            3,NA,9,a
            4,1,,a
            5,0,10,
            6,1,9,b
            6,1,10,b
            6,0,9,b
            6,0,10,a
            """);
        var args = Args($"{command} --data {path} --time t --event e {options}");
        var memory = CliRunner.Run(args);
        Assert.True(memory.Exit == 0, memory.Stderr);
        Assert.Equal(memory, CliRunner.Run([.. args, "--engine", "duckdb"]));
    }

    /// <summary>CRLF line ends (a level with a trailing space before them), a .tsv file, a byte-order
    /// mark and quoted fields with line breaks.</summary>
    [Theory]
    [InlineData("crlf.csv", "t,e,g\r\n1,1,a\r\n2,0,b\r\n3,1,a\r\n4,1,b \r\n5,0,NA\r\n")]
    [InlineData("tabs.tsv", "t\te\tg\n1\t1\ta\n2\t0\tb\n3\t1\ta\n2\t1\tb\n")]
    [InlineData("bom.csv", "\uFEFFt,e,g\n1,1,\"a\nb\"\n2,0,b\n3,1,\"a\nb\"\n4,1,b\n")]
    public void FileVariantsGiveTheMemoryEnginesBytes(string name, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "pnen-duckdb-tests", Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        string[] args = ["logrank", "--data", path, "--time", "t", "--event", "e", "--group", "g"];
        var memory = CliRunner.Run(args);
        Assert.True(memory.Exit == 0, memory.Stderr);
        Assert.Equal(memory, CliRunner.Run([.. args, "--engine", "duckdb"]));
    }

    [Theory]
    [InlineData("t,e,g\n1,1,a\nabc,1,b\n2,2,a\n-1,0,b\n3, 1e500 ,a\n1_000,1,a\n", "km --time t --event e --group g")]
    [InlineData("t,e,g\n1,1,a\n2,yes,b\n", "logrank --time t --event e --group g")]
    [InlineData("t,e,g\n1,1,a\n", "km --time time --event e")]
    [InlineData("t,e,g\n", "km --time t --event e")]
    [InlineData("t,e,g\n,1,a\n2,,b\n", "logrank --time t --event e --group g")]
    [InlineData("t,e,g\n1,1,a\n2,1,b,c\n", "km --time t --event e")]
    public void UserErrorsAreTheSameLine(string csv, string commandLine)
    {
        var path = Write("bad.csv", csv);
        var args = Args(commandLine).Concat(["--data", path]).ToArray();
        var memory = CliRunner.FailsWithOneLine(args);
        var duckdb = CliRunner.FailsWithOneLine([.. args, "--engine", "duckdb"]);
        if (csv.Contains("b,c", StringComparison.Ordinal))
        {
            // A ragged record: DuckDB names the line, not the row, and says so in its own words.
            Assert.StartsWith($"{path}: cannot be read: ", duckdb, StringComparison.Ordinal);
            Assert.Contains("CSV Error on Line: 3", duckdb, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(memory, duckdb);
    }

    [Theory]
    [InlineData("--weights age")]
    [InlineData("--start age")]
    [InlineData("--landmark 10")]
    [InlineData("--tdc x:age")]
    public void RowLevelOptionsAreRefused(string option)
    {
        var line = CliRunner.FailsWithOneLine(Args($"km --data lung.csv --time time --event event {option} --engine duckdb"));
        Assert.Contains("not available with --engine duckdb", line, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherFormatsAreRefused()
    {
        var line = CliRunner.FailsWithOneLine(Args("km --data formats/cohort.sav --time time --event status --engine duckdb"));
        Assert.Contains("the DuckDB engine reads Parquet and CSV files only", line, StringComparison.Ordinal);
    }

    private static string[] Args(string commandLine) => commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select((a, i) => i > 0 && commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[i - 1] == "--data" && !Path.IsPathRooted(a) ? CliRunner.Data(a) : a)
        .ToArray();

    private static string Write(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pnen-duckdb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + (text.EndsWith('\n') ? "" : "\n"));
        return path;
    }
}
