namespace Pnen.Synthesis.Tests;

/// <summary>Table 3 (bt-pNET-sHM, n = 86): the n of every level, with the paper's missing values.</summary>
public class Table3CountTests
{
    public static TheoryData<string> Variables()
    {
        var data = new TheoryData<string>();
        foreach (var row in Published.At("table3", "rows").EnumerateArray()) data.Add(row.GetProperty("variable").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void Level_counts_equal_the_published_ones(string variable)
    {
        var bodyTail = CommittedCohort.Final.Where(r => r.InBodyTailPnet).ToList();
        foreach (var level in Published.Row("table3", variable).GetProperty("levels").EnumerateArray())
        {
            var name = level.GetProperty("level").GetString()!;
            // Table 3's grades add to 84 of 86; the two others are G2 (see SyntheticChoices).
            var expected = (variable, name) == ("Pathological grading", "G2") ? SyntheticChoices.BodyTailG2 : level.GetProperty("n").GetInt32();
            Assert.True(expected == Characteristics.Count(bodyTail, variable, name), $"{variable} {name}: {Characteristics.Count(bodyTail, variable, name)}, expected {expected}");
        }
    }

    [Fact]
    public void Table3_grades_leave_two_patients_unassigned()
    {
        var grades = Published.Row("table3", "Pathological grading").GetProperty("levels").EnumerateArray().Sum(l => l.GetProperty("n").GetInt32());
        Assert.Equal(Published.Int("flowchart", "subgroups", "bt-pNET-sHM", "n") - 2, grades);
        Assert.Equal(SyntheticChoices.BodyTailG2, Published.Level("table3", "Pathological grading", "G2").GetProperty("n").GetInt32() + 2);
    }
}
