namespace Pnen.Synthesis.Tests;

/// <summary>Table 2 (full cohort, n = 163): the n of every level, with the paper's missing values.</summary>
public class Table2CountTests
{
    /// <summary>Where Table 2 disagrees with Table 1 the cohort follows Table 1 (see SyntheticChoices).</summary>
    private static readonly Dictionary<(string Variable, string Level), int> Choices = new()
    {
        [("Diameter of primary tumor", "<=40 mm")] = SyntheticChoices.PrimaryDiameterUpTo40,
        [("Maximum diameter of HM", "<=40 mm")] = SyntheticChoices.HmDiameterUpTo40,
    };

    public static TheoryData<string> Variables()
    {
        var data = new TheoryData<string>();
        foreach (var row in Published.At("table2", "rows").EnumerateArray()) data.Add(row.GetProperty("variable").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void Level_counts_equal_the_published_ones(string variable)
    {
        var final = CommittedCohort.Final;
        foreach (var level in Published.Row("table2", variable).GetProperty("levels").EnumerateArray())
        {
            var name = level.GetProperty("level").GetString()!;
            var expected = Choices.TryGetValue((variable, name), out var chosen) ? chosen : level.GetProperty("n").GetInt32();
            Assert.True(expected == Characteristics.Count(final, variable, name), $"{variable} {name}: {Characteristics.Count(final, variable, name)}, expected {expected}");
        }
    }

    [Fact]
    public void The_two_choices_differ_from_table2_by_one_and_equal_the_table1_sums()
    {
        Assert.Equal(87, Published.Level("table2", "Diameter of primary tumor", "<=40 mm").GetProperty("n").GetInt32());
        Assert.Equal(120, Published.Level("table2", "Maximum diameter of HM", "<=40 mm").GetProperty("n").GetInt32());
        Assert.Equal(SyntheticChoices.PrimaryDiameterUpTo40,
            Published.Row("table1", "Diameter of primary tumor").GetProperty("levels").GetProperty("<=40 mm").EnumerateArray().Sum(v => v.GetInt32()));
        Assert.Equal(SyntheticChoices.HmDiameterUpTo40,
            Published.Row("table1", "Maximum diameter of HM").GetProperty("levels").GetProperty("<=40 mm").EnumerateArray().Sum(v => v.GetInt32()));
    }
}
