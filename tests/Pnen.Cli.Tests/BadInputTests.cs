using System.Text;

namespace Pnen.Cli.Tests;

/// <summary>
/// The bad-input cases of issue 9 that <see cref="UserErrorTests"/> does not already cover, through
/// `pnen` in-process: non-finite and overflowing covariates, a field of several megabytes (valid in
/// a text column, refused with a short message in a numeric one), an unterminated quote followed by
/// 10^5 lines, files of blank lines. Each exits 2 with one stderr line naming file, row, column and
/// value, or 0. Work on large input runs under a one-minute guard against a hang, nothing tighter.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-cli-bad-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var task = Task.Run(() => CliRunner.Run(args));
        Assert.True(task.Wait(Guard), "pnen did not finish within a minute");
        return task.Result;
    }

    private static string FailsWithOneLine(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.EndsWith("\n", stderr);
        Assert.DoesNotContain("   at ", stderr);
        return stderr;
    }

    [Theory]
    [InlineData("NaN", "finite")]
    [InlineData("Infinity", "finite")]
    [InlineData("-Infinity", "finite")]
    [InlineData("1e999", "finite")]
    [InlineData("-2e308", "finite")]
    public void NonFiniteCovariatesAreRefused(string value, string problem)
    {
        var path = File("cov.csv", $"t,e,age\n1,1,50\n2,0,61\n3,1,{value}\n");
        var message = FailsWithOneLine("cox", "--data", path, "--time", "t", "--event", "e", "--covariates", "age");
        Assert.StartsWith(path, message, StringComparison.Ordinal);
        Assert.Contains($"row 3, column 'age', value '{value}'", message);
        Assert.Contains(problem, message);
    }

    [Fact]
    public void ANonFiniteValueInAColumnTheCommandDoesNotUseIsIgnored()
    {
        var json = CliRunner.Json("km", "--data", File("unused.csv", "t,e,note\n1,1,NaN\n2,0,Infinity\n"), "--time", "t", "--event", "e");
        Assert.Equal(2, json.GetProperty("groups")[0].GetProperty("n").GetInt32());
    }

    [Fact]
    public void AFieldOfSeveralMegabytesIsReadAsALevel()
    {
        var level = new string('x', 5 << 20);
        var (exit, stdout, stderr) = Run("km", "--data", File("big.csv", $"t,e,g\n1,1,\"{level}\"\n2,0,B\n"), "--time", "t", "--event", "e", "--group", "g");
        Assert.True(exit == 0, stderr);
        Assert.Contains(level, stdout);
    }

    [Fact]
    public void AFieldOfSeveralMegabytesInANumericColumnGivesAShortError()
    {
        var number = new string('7', 5 << 20) + "x";
        var message = FailsWithOneLine("km", "--data", File("big.csv", $"t,e\n1,1\n{number},0\n"), "--time", "t", "--event", "e");
        Assert.Contains("row 2, column 't'", message);
        Assert.Contains($"({number.Length} characters)", message);
        Assert.True(message.Length < 400, $"the message is {message.Length} characters long");
    }

    [Fact]
    public void AnUnterminatedQuoteBefore100000LinesIsOneError()
    {
        var text = new StringBuilder("t,e,g\n1,1,A\n2,0,\"B\n");
        for (var i = 0; i < 100_000; i++) text.Append("3,1,C\n");
        var message = FailsWithOneLine("km", "--data", File("quote.csv", text.ToString()), "--time", "t", "--event", "e", "--group", "g");
        Assert.Contains("row 2", message);
    }

    [Fact]
    public void ManyStrayQuotesAreOneError()
    {
        var message = FailsWithOneLine("km", "--data", File("quotes.csv", "t,e\n" + new string('"', 100_001) + "\n"), "--time", "t", "--event", "e");
        Assert.Contains("quotes.csv", message);
    }

    [Fact]
    public void SpacesAroundNumbersAndBlankLinesBetweenRowsAreFine()
    {
        var json = CliRunner.Json("km", "--data", File("spaces.csv", "t,e\r\n 1 ,1\r\n\r\n2 , 0\r\n"), "--time", "t", "--event", "e");
        Assert.Equal(2, json.GetProperty("groups")[0].GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("1_000")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    [InlineData("\u0661")]
    public void NumbersInOtherNotationsAreRefused(string value)
    {
        var message = FailsWithOneLine("km", "--data", File("notation.csv", $"t,e\n\"{value}\",1\n"), "--time", "t", "--event", "e");
        Assert.Contains($"value '{value}'", message);
        Assert.Contains("not a number", message);
    }

    [Fact]
    public void AColumnNameWithALineBreakKeepsTheErrorOnOneLine()
    {
        FailsWithOneLine("km", "--data", File("header.csv", "time,\"sta\ntus\",group\n1,1,A\n"), "--time", "time", "--event", "status");
    }

    [Theory]
    [InlineData("\n\n")]
    [InlineData("   \n")]
    public void AFileOfBlankLinesIsCalledEmpty(string content)
    {
        Assert.Contains("empty", FailsWithOneLine("km", "--data", File("blank.csv", content), "--time", "t", "--event", "e"));
    }

    [Fact]
    public void BlankLinesBeforeTheHeaderAreSkippedAsRDoes()
    {
        var json = CliRunner.Json("km", "--data", File("leading.csv", "\r\n  \n\nt,e\n1,1\n2,0\n"), "--time", "t", "--event", "e");
        Assert.Equal(2, json.GetProperty("groups")[0].GetProperty("n").GetInt32());
    }
}
