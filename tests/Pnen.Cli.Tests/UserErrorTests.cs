using System.Text;

namespace Pnen.Cli.Tests;

/// <summary>
/// A user mistake gives exit code 2 and exactly one line on stderr that names what is wrong
/// (file, row, column, value), no stack trace and nothing on stdout. Valid but unusual files
/// (BOM, CRLF, quoted commas and newlines) are read.
/// </summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private static string FailsWithOneLine(params string[] args) => CliRunner.FailsWithOneLine(args);

    private string[] Km(string path) => ["km", "--data", path, "--time", "t", "--event", "e"];

    [Fact]
    public void MissingFileIsNamed()
    {
        var message = FailsWithOneLine(Km(Path.Combine(_folder, "nope.csv")));
        Assert.Contains("nope.csv", message);
        Assert.Contains("not found", message);
    }

    [Fact]
    public void TextInTheTimeColumnNamesRowColumnAndValue()
    {
        var message = FailsWithOneLine(Km(File("a.csv", "t,e\n1,1\n2,0\nabc,1\n")));
        Assert.Contains("row 3", message);
        Assert.Contains("column 't'", message);
        Assert.Contains("'abc'", message);
    }

    [Theory]
    [InlineData("-1", "negative")]
    [InlineData("NaN", "finite")]
    [InlineData("Infinity", "finite")]
    [InlineData("1e999", "finite")]
    public void BadTimesAreRefused(string time, string problem)
    {
        var message = FailsWithOneLine(Km(File("a.csv", $"t,e\n1,1\n{time},0\n")));
        Assert.Contains("row 2", message);
        Assert.Contains(problem, message);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("yes")]
    [InlineData("dead")]
    public void EventsOtherThanZeroOneTrueFalseAreRefused(string value)
    {
        var message = FailsWithOneLine(Km(File("a.csv", $"t,e\n1,1\n2,{value}\n")));
        Assert.Contains("row 2, column 'e', value '" + value + "'", message);
    }

    [Fact]
    public void UnknownColumnListsTheColumnsThereAre()
    {
        var message = FailsWithOneLine("km", "--data", File("a.csv", "t,e\n1,1\n"), "--time", "time", "--event", "e");
        Assert.Contains("column 'time'", message);
        Assert.Contains("'t', 'e'", message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("t,e\n", "no data rows")]
    [InlineData("t,e\n1,1\n2\n", "row 2")]
    [InlineData("t,t\n1,1\n", "more than once")]
    [InlineData("t,e\n\"1,1\n", "row 1")]
    public void MalformedFilesAreRefusedWithTheirPlace(string content, string expected)
    {
        Assert.Contains(expected, FailsWithOneLine(Km(File("a.csv", content))));
    }

    [Fact]
    public void BinaryAndNonUtf8FilesAreRefused()
    {
        var binary = Path.Combine(_folder, "b.csv");
        System.IO.File.WriteAllBytes(binary, [0x74, 0x2c, 0x65, 0x0a, 0x00, 0x01, 0x02, 0x2c, 0x31, 0x0a]);
        Assert.Contains("binary", FailsWithOneLine(Km(binary)));

        var latin1 = Path.Combine(_folder, "l.csv");
        System.IO.File.WriteAllBytes(latin1, [.. "t,e,g\n1,1,"u8, 0xE9, .. "\n"u8]);
        Assert.Contains("UTF-8", FailsWithOneLine([.. Km(latin1), "--group", "g"]));
    }

    [Fact]
    public void CommandLineMistakesAreUsageErrors()
    {
        Assert.Contains("--data", FailsWithOneLine("km", "--time", "t", "--event", "e"));
        Assert.Contains("--colour", FailsWithOneLine("km", "--colour", "red"));
        Assert.Contains("unknown command", FailsWithOneLine("kaplan"));
        Assert.Contains("--rho", FailsWithOneLine("logrank", "--data", "x.csv", "--time", "t", "--event", "e", "--group", "g", "--rho", "abc"));
    }

    [Fact]
    public void AnUnknownReferenceLevelIsNamed()
    {
        var path = File("a.csv", "t,e,arm\n1,1,A\n2,0,B\n3,1,A\n4,1,B\n");
        var message = FailsWithOneLine("cox", "--data", path, "--time", "t", "--event", "e", "--covariates", "arm", "--categorical", "arm:C");
        Assert.Contains("column 'arm', value 'C'", message);
        Assert.Contains("'A', 'B'", message);
    }

    [Fact]
    public void BomCrlfAndQuotedFieldsAreValid()
    {
        var path = File("a.csv", "t,e,\"arm, name\"\r\n5,1,\"A, \"\"first\"\"\"\r\n6,0,\"B\nsecond line\"\r\n7,1,\"A, \"\"first\"\"\"\r\n", new UTF8Encoding(true));
        var json = CliRunner.Json("km", "--data", path, "--time", "t", "--event", "e", "--group", "arm, name");
        var levels = json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("level").GetString()!).ToArray();
        Assert.Equal(new[] { "A, \"first\"", "B\nsecond line" }, levels);
    }

    [Fact]
    public void MissingValuesAreCountedNotSilentlyDropped()
    {
        var path = File("a.csv", "t,e,g\n1,1,A\n2,,B\nNA,1,A\n4,1,\n5,0,B\n");
        var json = CliRunner.Json("km", "--data", path, "--time", "t", "--event", "e", "--group", "g");
        Assert.Equal(3, json.GetProperty("dropped").GetInt32());
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Equal("3 rows were left out for missing values (t: 1, e: 1, g: 1)", warning);
    }
}
