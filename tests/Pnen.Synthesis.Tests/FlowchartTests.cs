namespace Pnen.Synthesis.Tests;

public class FlowchartTests
{
    private static readonly Dictionary<string, Func<CohortRow, bool>> Exclusion = new()
    {
        ["metachronous hepatic metastasis"] = r => r.Metachronous,
        ["unknown pathological stage"] = r => r.Grade is null,
        ["hepatic resection without primary resection"] = r => r.HepaticWithoutPrimary,
        ["perioperative death from improper operation"] = r => r.PerioperativeDeath,
    };

    [Fact]
    public void Exclusions_applied_in_order_remove_the_published_numbers()
    {
        var remaining = CommittedCohort.All.ToList();
        foreach (var step in Published.At("flowchart", "exclusions").EnumerateArray())
        {
            var reason = step.GetProperty("reason").GetString()!;
            var excluded = remaining.Where(Exclusion[reason]).ToList();
            Assert.True(step.GetProperty("n").GetInt32() == excluded.Count, $"{reason}: {excluded.Count}");
            remaining = remaining.Except(excluded).ToList();
        }
        Assert.Equal(Published.Int("flowchart", "final"), remaining.Count);
    }

    [Theory]
    [InlineData("NR")]
    [InlineData("PR")]
    [InlineData("PHR")]
    public void Final_cohort_arms(string arm) =>
        Assert.Equal(Published.Int("flowchart", "arms", arm), CommittedCohort.Final.Count(r => r.Surgery == arm));

    [Fact]
    public void Each_later_exclusion_is_the_patients_own_first_reason()
    {
        var all = CommittedCohort.All;
        // Unknown stage: never metachronous, and nothing later applies to them either.
        Assert.All(all.Where(r => r.Grade is null && !r.Metachronous), r => Assert.False(r.HepaticWithoutPrimary || r.PerioperativeDeath, r.Id));
        var hepaticOnly = Assert.Single(all, r => r.HepaticWithoutPrimary);
        Assert.False(hepaticOnly.Metachronous || hepaticOnly.Grade is null || hepaticOnly.PerioperativeDeath);
        var perioperative = Assert.Single(all, r => r.PerioperativeDeath);
        Assert.False(perioperative.Metachronous || perioperative.Grade is null || perioperative.HepaticWithoutPrimary);
        Assert.True(perioperative.Died);
        Assert.Equal("PHR", perioperative.Surgery);
    }

    [Fact]
    public void Order_matters_two_metachronous_patients_also_have_an_unknown_grade() =>
        Assert.Equal(SyntheticChoices.MetachronousWithUnknownGrade, CommittedCohort.All.Count(r => r.Metachronous && r.Grade is null));
}
