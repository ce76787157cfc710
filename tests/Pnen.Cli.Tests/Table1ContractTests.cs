using System.Text;
using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// `pnen table1` through its JSON contract against the "descriptive tests veteran" and "published
/// Table 1 grading chi-square" cases of r-reference.json (R 4.2.2: chisq.test, fisher.test,
/// kruskal.test, oneway.test/aov, shapiro.test, wilcox.test).
/// </summary>
public sealed class Table1ContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-table1-").FullName;
    private static readonly JsonElement Veteran = ReferenceCases.Named("descriptive tests veteran");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement Row(JsonElement table, string variable) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("variable").GetString() == variable);

    private static JsonElement Table1(params string[] args) => CliRunner.Json(["table1", "--data", CliRunner.Data("veteran.csv"), .. args]);

    [Fact]
    public void ChiSquareOfCelltypeByTreatment()
    {
        var row = Row(Table1("--by", "trt", "--vars", "celltype", "--categorical-test", "chisq"), "celltype");
        var expected = Veteran.GetProperty("chisq_celltype_by_trt");
        Assert.Equal("categorical", row.GetProperty("kind").GetString());
        Assert.Equal("chisq", row.GetProperty("test").GetString());
        Close.To(expected.GetProperty("stat").GetDouble(), Close.Value(row, "statistic"), 1e-6, "chi-square");
        Assert.Equal(expected.GetProperty("df").GetDouble(), row.GetProperty("df").GetDouble());
        Close.To(expected.GetProperty("p").GetDouble(), Close.Value(row, "p"), 1e-5, "p");
        Assert.Equal(JsonValueKind.Null, row.GetProperty("normality").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("summary").ValueKind);
        Assert.Equal([9, 18], row.GetProperty("levels")[0].GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public void FisherOfCelltypeByPrior()
    {
        var row = Row(Table1("--by", "prior", "--vars", "celltype", "--categorical-test", "fisher"), "celltype");
        Assert.Equal("fisher", row.GetProperty("test").GetString());
        Close.To(Veteran.GetProperty("fisher_celltype_by_prior").GetProperty("p").GetDouble(), Close.Value(row, "p"), 1e-5, "Fisher p");
    }

    [Fact]
    public void KruskalAndAnovaByCelltype()
    {
        var kruskal = Row(Table1("--by", "celltype", "--vars", "karno", "--continuous-test", "kruskal"), "karno");
        var k = Veteran.GetProperty("kruskal_karno_by_celltype");
        Assert.Equal("kruskal", kruskal.GetProperty("test").GetString());
        Close.To(k.GetProperty("stat").GetDouble(), Close.Value(kruskal, "statistic"), 1e-6, "Kruskal-Wallis");
        Close.To(k.GetProperty("p").GetDouble(), Close.Value(kruskal, "p"), 1e-5, "Kruskal-Wallis p");

        var anova = Row(Table1("--by", "celltype", "--vars", "age", "--continuous-test", "anova"), "age");
        var a = Veteran.GetProperty("anova_age_by_celltype");
        Assert.Equal("anova", anova.GetProperty("test").GetString());
        Close.To(a.GetProperty("F").GetDouble(), Close.Value(anova, "statistic"), 1e-6, "F");
        Close.To(a.GetProperty("p").GetDouble(), Close.Value(anova, "p"), 1e-5, "ANOVA p");
        var shapiro = Veteran.GetProperty("shapiro_age");
        Close.To(shapiro.GetProperty("W").GetDouble(), Close.Value(anova.GetProperty("normality"), "w"), 1e-6, "Shapiro-Wilk W");
        Close.To(shapiro.GetProperty("p").GetDouble(), Close.Value(anova.GetProperty("normality"), "p"), 1e-5, "Shapiro-Wilk p");
    }

    [Fact]
    public void AutoPicksWilcoxonForANonNormalVariableInTwoGroups()
    {
        var row = Row(Table1("--by", "trt", "--vars", "karno"), "karno");
        Assert.Equal("wilcoxon", row.GetProperty("test").GetString());
        var w = Veteran.GetProperty("wilcox_karno_by_trt");
        Close.To(w.GetProperty("W").GetDouble(), Close.Value(row, "statistic"), 1e-6, "W");
        Close.To(w.GetProperty("p").GetDouble(), Close.Value(row, "p"), 1e-5, "Wilcoxon p");
    }

    [Fact]
    public void ThePublishedGradingCountsGiveThePublishedP()
    {
        // Rows expanded from the paper's Table 1 grading counts (arms NR, PR, PHR), as in r-reference.json.
        var counts = ReferenceCases.Named("published Table 1 grading chi-square").GetProperty("counts").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        string[] grades = ["G1", "G2", "G3", "NEC"];
        string[] arms = ["NR", "PR", "PHR"];
        var csv = new StringBuilder("grade,arm\n");
        for (var g = 0; g < grades.Length; g++)
            for (var a = 0; a < arms.Length; a++)
                for (var i = 0; i < counts[g][a]; i++) csv.Append(grades[g]).Append(',').Append(arms[a]).Append('\n');
        var path = Path.Combine(_folder, "grading.csv");
        File.WriteAllText(path, csv.ToString());

        var expected = ReferenceCases.Named("published Table 1 grading chi-square");
        var chisq = Row(CliRunner.Json("table1", "--data", path, "--by", "arm", "--vars", "grade", "--categorical-test", "chisq"), "grade");
        Close.To(expected.GetProperty("p").GetDouble(), Close.Value(chisq, "p"), 1e-5, "chi-square p");
        var fisher = Row(CliRunner.Json("table1", "--data", path, "--by", "arm", "--vars", "grade", "--categorical-test", "fisher"), "grade");
        Close.To(expected.GetProperty("fisher_p").GetDouble(), Close.Value(fisher, "p"), 1e-5, "Fisher p");
        var auto = Row(CliRunner.Json("table1", "--data", path, "--by", "arm", "--vars", "grade"), "grade");
        Assert.Equal("fisher", auto.GetProperty("test").GetString()); // expected counts below 5: gtsummary's rule picks Fisher
    }

    [Fact]
    public void MistakesAreUsageErrors()
    {
        var (exit, _, stderr) = CliRunner.Run("table1", "--data", CliRunner.Data("veteran.csv"), "--by", "trt", "--vars", "nope");
        Assert.Equal(2, exit);
        Assert.Contains("column 'nope'", stderr);
        (exit, _, stderr) = CliRunner.Run("table1", "--data", CliRunner.Data("veteran.csv"), "--by", "trt", "--vars", "age", "--continuous-test", "t");
        Assert.Equal(2, exit);
        Assert.Contains("--continuous-test", stderr);
    }
}
