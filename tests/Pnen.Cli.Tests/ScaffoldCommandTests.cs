namespace Pnen.Cli.Tests;

/// <summary>`pnen scaffold` as a user runs it: source on stdout, mistakes as exit code 2.</summary>
public class ScaffoldCommandTests
{
    [Fact]
    public void PrintsACodebookForTheFile()
    {
        var (exit, stdout, stderr) = CliRunner.Run("scaffold", "--data", CliRunner.Data("veteran.csv"), "--name", "Veteran");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("[Codebook]", stdout);
        Assert.Contains("public partial record Veteran", stdout);
        Assert.Contains("[Column(\"time\"), SurvivalTime]", stdout);
    }

    [Fact]
    public void AnInvalidNameIsAUsageError()
    {
        var (exit, stdout, stderr) = CliRunner.Run("scaffold", "--data", CliRunner.Data("veteran.csv"), "--name", "1bad");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("pnen scaffold: '1bad' is not a valid C# type name.\n", stderr);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var (exit, _, stderr) = CliRunner.Run("scaffold", "--data", "no-such.csv");
        Assert.Equal(2, exit);
        Assert.Equal("no-such.csv: file not found\n", stderr);
    }
}
