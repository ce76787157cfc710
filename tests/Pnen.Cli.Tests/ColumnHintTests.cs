namespace Pnen.Cli.Tests;

/// <summary>A new user's first mistakes get a hint: the column a misspelt name meant, and R's row names.</summary>
public sealed class ColumnHintTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-hints-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Csv(string content)
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("node", "nodes")]     // one letter missing
    [InlineData("Nodes", "nodes")]    // case only
    [InlineData("ndoes", "nodes")]    // two letters swapped
    [InlineData("tiem", "time")]
    public void AMisspeltColumnGetsDidYouMean(string typed, string meant)
    {
        var path = Csv("time,status,nodes\n5,1,2\n8,0,4\n");
        var (exit, _, stderr) = CliRunner.Run("cox", "--data", path, "--time", "time", "--event", "status", "--covariates", typed);
        Assert.Equal(2, exit);
        Assert.Equal($"{path}: column '{typed}': no such column (did you mean '{meant}'?) (the file has 'time', 'status', 'nodes')\n", stderr);
    }

    [Fact]
    public void ANameFarFromEveryColumnGetsNoGuess()
    {
        var path = Csv("time,status,nodes\n5,1,2\n8,0,4\n");
        var (_, _, stderr) = CliRunner.Run("cox", "--data", path, "--time", "time", "--event", "status", "--covariates", "grade");
        Assert.DoesNotContain("did you mean", stderr);
    }

    [Fact]
    public void RsRowNamesAreNamedInTheError()
    {
        // write.csv(lung) without row.names = FALSE.
        var path = Csv("\"\",\"time\",\"status\"\n\"1\",5,1\n\"2\",8,0\n");
        var (exit, _, stderr) = CliRunner.Run("km", "--data", path, "--time", "time", "--event", "event");
        Assert.Equal(2, exit);
        Assert.EndsWith("the first column has no name: R's write.csv wrote its row names there (write the file with row.names = FALSE)\n", stderr);
        // The row names do not stop an analysis: a column nobody asks for is not read.
        Assert.Equal(0, CliRunner.Run("km", "--data", path, "--time", "time", "--event", "status").Exit);
    }
}
