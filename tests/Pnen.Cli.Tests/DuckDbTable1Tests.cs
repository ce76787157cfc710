using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// <c>pnen table1 --engine duckdb</c> (counts per group and value, see Table1Sql) against the memory
/// engine: the same JSON, numbers to 1e-9 relative (means and SDs sum each distinct value times its
/// count), reruns the same bytes. The memory engine's numbers are checked against R elsewhere.
/// </summary>
public class DuckDbTable1Tests
{
    [Theory]
    [InlineData("--data veteran.csv --by trt --vars celltype,karno,age,prior,diagtime --smd")]
    [InlineData("--data veteran.csv --by celltype --vars karno,age,trt --categorical trt --continuous-test welch")]
    [InlineData("--data veteran.csv --by celltype --vars karno,age --continuous-test anova --format md")]
    [InlineData("--data lung.csv --by sex --vars age,ph.ecog,wt.loss,meal.cal,inst --categorical ph.ecog --categorical-test fisher")]
    [InlineData("--data lung.csv --by ph.ecog --vars age,sex,wt.loss --no-p")]
    [InlineData("--data extra/colon.csv --by rx --vars age,nodes,sex,differ,extent --categorical differ,extent --smd")]
    [InlineData("--data formats/cohort.parquet --by trt --vars sex,stage,karno,age,smoker,centre,score")]
    [InlineData("--data formats/cohort.csv --by smoker --vars trt,karno,score")]
    public void AgreesWithTheMemoryEngine(string commandLine)
    {
        var parts = commandLine.Split(' ');
        var args = parts.Select((a, i) => i > 0 && parts[i - 1] == "--data" ? CliRunner.Data(a) : a).Prepend("table1").ToArray();
        var memory = CliRunner.Run(args);
        Assert.True(memory.Exit == 0, memory.Stderr);
        var duckdb = CliRunner.Run([.. args, "--engine", "duckdb"]);
        Assert.True(duckdb.Exit == 0, duckdb.Stderr);
        Assert.Equal(duckdb, CliRunner.Run([.. args, "--engine", "duckdb"]));
        if (parts.Contains("md"))
        {
            Assert.Equal(memory.Stdout.Split('\n').Length, duckdb.Stdout.Split('\n').Length);
            return;
        }
        using var m = JsonDocument.Parse(memory.Stdout);
        using var d = JsonDocument.Parse(duckdb.Stdout);
        JsonNear.Same(m.RootElement, d.RootElement, "table1", 1e-9);
    }

    /// <summary>Rows without a group (and a level seen only there), missing values, a constant
    /// variable, a text column that is partly numbers, two groups.</summary>
    [Fact]
    public void AgreesOnEdgeCases()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("pnen-duckdb-table1-").FullName, "t1.csv");
        File.WriteAllText(path, "arm,x,flat,mixed,c\na,1.5,3,1,u\nb,2.5,3,2,v\na,,3,x,u\n,9,3,3,only\nb,2.5,3,NA,\na,4,3,2,v\nb,1,3,1,u\nNA,2,3,1,u\n");
        string[] args = ["table1", "--data", path, "--by", "arm", "--vars", "x,flat,mixed,c", "--smd"];
        var memory = CliRunner.Json(args);
        var duckdb = CliRunner.Json([.. args, "--engine", "duckdb"]);
        JsonNear.Same(memory, duckdb, "table1", 1e-9);
    }
}
