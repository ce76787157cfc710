using Pnen.Dsl.Tests.Codebooks;
using Pnen.Stats.Baseline;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// A plan's baseline table: rows are its characteristics (not the grouping, not those declared
/// with baseline: false), tests as the plan says. Expected values from R 4.2.2 on lung.csv without
/// the record of unknown institution:
/// chisq.test(table(ifelse(ph.ecog &lt;= 1, "0-1", "2-3"), sex), correct = FALSE) gives X² 0.126973930481283,
/// p 0.721590438361926 (ECOG 0-1: 107 men, 69 women; 2-3: 29 men, 21 women; 1 missing); the same for age &lt; 65 gives
/// X² 2.9253808039335, p 0.0871966501523551.
/// </summary>
public class BaselineTableInPlanTests
{
    private static StudyPlan<LungPatient, Sex> Plan => Dsl.Study.Of<LungPatient>()
        .Survival(p => p.Time, p => p.Died)
        .Exclude("Institution unknown", p => p.Institution is null)
        .Exposure(p => p.Sex, Sex.Male)
        .Characteristic(p => p.Sex)
        .Characteristic(p => p.Age.Below(65, "<65", ">=65"), label: "Age group")
        .Characteristic(p => p.PhEcog.AtMost(1, "0-1", "2-3"), label: "ECOG")
        .Characteristic(p => p.WtLoss.AtMost(10, "<=10 lb", ">10 lb"), label: "Weight loss", baseline: false)
        .BaselineTable(categorical: CategoricalTestChoice.ChiSquare);

    [Fact]
    public void RowsAreTheBaselineCharacteristicsWithTheirTests()
    {
        var data = Codebook.Load<LungPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv"));
        var table = Plan.Execute(data).Cohort.BaselineTable!;

        Assert.Equal("Sex", table.By);
        Assert.Equal(["Male", "Female"], table.Groups.ToArray());
        Assert.Equal(["Age group", "ECOG"], table.Rows.Select(r => r.Variable).ToArray());

        var ecog = table.Rows.Single(r => r.Variable == "ECOG");
        Assert.Equal("chisq", ecog.Test);
        Assert.Equal(0.126973930481283, ecog.Statistic!.Value, 1e-9);
        Assert.Equal(0.721590438361926, ecog.P!.Value, 1e-9);
        Assert.Equal([107, 69], ecog.Levels!.Value[0].Counts.ToArray()); // "0-1": men, women
        Assert.Equal([29, 21], ecog.Levels.Value[1].Counts.ToArray());   // "2-3"
        Assert.Equal(1, ecog.Missing);

        var age = table.Rows.Single(r => r.Variable == "Age group");
        Assert.Equal(2.9253808039335, age.Statistic!.Value, 1e-9);
        Assert.Equal(0.0871966501523551, age.P!.Value, 1e-9);
    }
}
