using System.Globalization;
using System.Text.Json;
using Pnen.Stats.Baseline;
using Pnen.Stats.Hypothesis;
using Pnen.Stats.Tests.Hypothesis;

namespace Pnen.Stats.Tests.Baseline;

/// <summary>
/// The paper's Table 1 (tests/TestData/published-table1.json, copied from
/// ../shared/paper/published.json, table1): each row's counts are expanded to one record per
/// patient (counts short of the group total are missing values), the table is built with the
/// chi-square forced (no continuity correction, as the paper's SPSS), and every printed P is
/// reproduced to three decimals. "&lt;0.001" means p &lt; 0.0005.
/// </summary>
public class PublishedTable1Tests
{
    private const string Inconsistent = "Maximum diameter of HM";

    private static readonly JsonElement Published =
        JsonDocument.Parse(File.ReadAllText(DataFiles.Path("published-table1.json"))).RootElement.Clone();

    public static TheoryData<string> Variables()
    {
        var data = new TheoryData<string>();
        foreach (var row in Published.GetProperty("rows").EnumerateArray()) data.Add(row.GetProperty("variable").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void ChiSquareReproducesThePrintedP(string variable)
    {
        var (table, printed) = Build(variable);
        var row = Assert.Single(table.Rows);
        Assert.Equal(BaselineTests.ChiSquare, row.Test);
        Assert.NotNull(row.P);
        var p = row.P!.Value;
        if (variable == Inconsistent)
        {
            // An inconsistency of the paper: its own counts give 0.012, it prints 0.014 (see
            // known_inconsistencies in published.json). The counts are what we can check.
            Assert.Equal("0.014", printed);
            Assert.Equal("0.012", ThreeDecimals(p));
        }
        else if (printed == "<0.001") Assert.True(p < 0.0005, $"{variable}: p = {p:R}, printed <0.001");
        else Assert.Equal(printed, ThreeDecimals(p));
    }

    [Fact]
    public void GroupsAndMissingCountsFollowTheCounts()
    {
        var (table, _) = Build("MEN1 or VHL");
        Assert.Equal(["NR", "PR", "PHR"], table.Groups.ToArray());
        Assert.Equal([70, 37, 56], table.GroupSizes.ToArray());
        Assert.Equal(163, table.Total);
        var row = table.Rows[0];
        Assert.Equal([1, 0, 0], row.MissingCounts.ToArray()); // 69 + 0 of 70 in NR
        Assert.Equal(1, row.Missing);
        Assert.Equal([69, 35, 54], row.Levels!.Value[0].Counts.ToArray());
        Assert.Equal(100.0 * 35 / 37, row.Levels!.Value[0].Percents[1]);
    }

    [Fact]
    public void GradingRowMatchesTheRReferenceCase()
    {
        // The "published Table 1 grading chi-square" case of r-reference.json: chisq.test(counts)
        // and fisher.test(counts) on the grading counts. With the automatic rule the row switches
        // to Fisher's test, because an expected count is below 5.
        var reference = RCases.Case("published Table 1 grading chi-square");
        var counts = reference.GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        var table = new int[counts.Length, counts[0].Length];
        for (var i = 0; i < counts.Length; i++)
        for (var j = 0; j < counts[i].Length; j++)
            table[i, j] = counts[i][j];
        Near.Equal(RCases.Number(reference, "p"), ChiSquareTest.Pearson(table).P, Near.PValue, "chi-square p");
        Near.Equal(RCases.Number(reference, "fisher_p"), FisherExactTest.Test(table).P, Near.PValue, "Fisher p");

        var (forced, _) = Build("Pathological grading");
        Near.Equal(RCases.Number(reference, "p"), forced.Rows[0].P, Near.PValue, "chi-square p through the table");
        var (automatic, _) = Build("Pathological grading", CategoricalTestChoice.Auto);
        Assert.Equal(BaselineTests.Fisher, automatic.Rows[0].Test);
        Near.Equal(RCases.Number(reference, "fisher_p"), automatic.Rows[0].P, Near.PValue, "Fisher p through the table");
        Assert.Contains(automatic.Rows[0].Notes, n => n.Contains("expected count is below 5", StringComparison.Ordinal));
    }

    private static string ThreeDecimals(double p) =>
        Math.Round(p, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Expands one published row to patients and builds its baseline table.</summary>
    private static (BaselineTable Table, string PrintedP) Build(string variable, CategoricalTestChoice test = CategoricalTestChoice.ChiSquare)
    {
        var groups = Published.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        // Group sizes: the complete rows (Gender) add up to the N = 163 of the title.
        var gender = Row("Gender");
        var sizes = new int[groups.Length];
        foreach (var level in gender.GetProperty("levels").EnumerateObject())
            for (var g = 0; g < groups.Length; g++) sizes[g] += level.Value[g].GetInt32();
        Assert.Equal(163, sizes.Sum());

        var row = Row(variable);
        var levels = row.GetProperty("levels").EnumerateObject().ToArray();
        var groupCodes = new List<int>();
        var valueCodes = new List<int>();
        for (var g = 0; g < groups.Length; g++)
        {
            var assigned = 0;
            for (var l = 0; l < levels.Length; l++)
            {
                var count = levels[l].Value[g].GetInt32();
                for (var k = 0; k < count; k++) valueCodes.Add(l);
                assigned += count;
            }
            Assert.True(assigned <= sizes[g], $"{variable}: more counts than patients in {groups[g]}");
            for (var k = assigned; k < sizes[g]; k++) valueCodes.Add(-1); // a blank in the paper
            for (var k = 0; k < sizes[g]; k++) groupCodes.Add(g);
        }
        var table = BaselineTableBuilder.Build(
            new BaselineGrouping("Surgical treatment", groupCodes.ToArray(), groups),
            [new CategoricalVariable(variable, valueCodes.ToArray(), [.. levels.Select(l => l.Name)])],
            new BaselineTableOptions { CategoricalTest = test });
        return (table, row.GetProperty("p").GetString()!);
    }

    private static JsonElement Row(string variable) =>
        Published.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("variable").GetString() == variable);
}
