using ColonAdjuvant;
using ColonAdjuvant.Audit;
using Pnen.Testing;

namespace Pnen.Examples.Tests.Colon;

/// <summary>
/// The colon example: its report pinned (Markdown, the subgroup forest and a model's forest), every
/// number of its agreement section within tolerance of R (Audit/r-reference.json, written by
/// Audit/colon-reference.R with R 4.2.2 and survival 3.5-3), and the numbers the plan-language issue
/// quotes read through the typed results.
/// </summary>
public class ColonReportTests
{
    [Fact]
    public void TheRunSucceeds() => Assert.Equal(0, ColonRun.Exit);

    [Fact]
    public void Markdown() => Snapshot.Match(ColonRun.Text("report.md"), extension: "md");

    [Theory]
    [InlineData("forest-subgroups")]
    [InlineData("forest-final-cohort-treatment-by-nodes")]
    public void Figure(string name) => Snapshot.Match(ColonRun.Text($"figures/{name}.svg"), name, "svg");

    [Fact]
    public void EveryNumberAgreesWithR()
    {
        var rows = RAgreement.Build(ColonRun.Result);
        Assert.True(rows.Count > 150, $"only {rows.Count} numbers were compared");
        var outside = rows.Where(r => !r.Agrees).Select(r => $"{r.Section} · {r.Item}: R {r.R}, Pnen {r.Pnen}").ToArray();
        Assert.True(outside.Length == 0, string.Join("\n", outside));
    }

    [Fact]
    public void TheInteractionTestIsTheOneToRead()
    {
        var result = ColonRun.Result;
        // R: anova(coxph(Surv(time, status) ~ rx + node4), coxph(... ~ rx * node4)): P = 0.8967025 on 2 df.
        Assert.Equal(0.896702542107393, result.Cohort.Models.TreatmentByNodes.TreatmentByMoreThanFourNodes.P!.Value, 1e-6);
        Assert.Equal(2, result.Cohort.Models.TreatmentByNodes.TreatmentByMoreThanFourNodes.Test!.Df);
        // Each node subgroup carries the same test, though their own log-rank P values differ (0.157 vs 0.017).
        Assert.Equal(result.Subgroups.MoreThan4Nodes.Interaction!.P!.Value, result.Subgroups.AtMost4Nodes.Interaction!.P!.Value, 9);
        Assert.Equal(0.896702542107393, result.Subgroups.AtMost4Nodes.Interaction.P!.Value, 1e-6);
    }

    [Fact]
    public void TheReportShowsThePhViolationOfDifferentiation()
    {
        // R: cox.zph(coxph(Surv(time, status) ~ rx + age10 + sex + obstruct + perfor + adhere + node4 + differ + extent + surg))
        // differ: chi-square 16.89286 on 2 df, P 0.000214665 (Audit/r-reference.json).
        var differentiation = ColonRun.Result.Cohort.Models.Adjusted.Differentiation.ProportionalHazards!;
        Assert.Equal(16.8928640266711, differentiation.ChiSquare!.Value, 1e-6);
        Assert.Equal(2, differentiation.Df);
        Assert.True(differentiation.P < 0.001);
        var report = ColonRun.Text("report.md");
        Assert.Contains("Differentiation | 16.89 | 2 | **<0.001 \u2020** |", report, StringComparison.Ordinal);
        Assert.Contains("differentiation (Adjusted, Stratified by extent, Nodes as a spline)", report, StringComparison.Ordinal);
        Assert.True(File.Exists(ColonRun.File("figures/zph-final-cohort-adjusted.svg")));
    }

    [Fact]
    public void TypedResultsReachEveryPartOfThePlan()
    {
        var cohort = ColonRun.Result.Cohort;
        Assert.NotNull(cohort.Models.Adjusted[Treatment.LevamisoleFluorouracil].HazardRatio);
        Assert.Equal(10, cohort.Models.Adjusted.Age.PerUnit);
        Assert.True(cohort.Models.Adjusted.Extent[Extent.Submucosa].IsReference);
        Assert.Equal(["Extent of local spread"], cohort.Models.StratifiedByExtent.Result.Strata);
        Assert.Equal(3, cohort.Models.NodesAsASpline.Nodes.Df);
        Assert.NotNull(cohort.Characteristics.Extent.LogRank);
        Assert.Equal(1825, cohort.RestrictedMean.Tau);
        Assert.Equal(365, cohort.SurvivalAt[Treatment.Observation][365].Time);
        Assert.Null(cohort.Interaction);
    }
}
