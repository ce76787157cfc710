namespace Pnen.Synthesis.Tests;

/// <summary>Table 1: every count per arm, including the paper's missing values (a level's
/// counts that add up to less than the arm are its missing values).</summary>
public class Table1Tests
{
    public static TheoryData<string> Variables()
    {
        var data = new TheoryData<string>();
        foreach (var row in Published.At("table1", "rows").EnumerateArray()) data.Add(row.GetProperty("variable").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void Counts_per_arm_equal_the_published_ones(string variable)
    {
        var final = CommittedCohort.Final;
        var arms = Published.At("table1", "columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
        foreach (var level in Published.Row("table1", variable).GetProperty("levels").EnumerateObject())
        {
            var expected = level.Value.EnumerateArray().Select(v => v.GetInt32()).ToArray();
            var actual = arms.Select(arm => Characteristics.Count(final.Where(r => r.Surgery == arm), variable, level.Name)).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{variable} {level.Name}: [{string.Join(", ", actual)}], published [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public void Every_table1_variable_is_checked() =>
        Assert.Equal(10, Variables().Count);
}
