using System.Globalization;
using System.Text.Json;
using Pnen.Dsl;
using Pnen.Dsl.Report;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Report.Tests;

/// <summary>
/// The confounding section of a report: its tables and figures, what stands in for a weighted log-rank test,
/// the E-value columns, results.json's new fields, and small-cell suppression of the weighted arms.
/// </summary>
public class ConfoundingReportTests
{
    private static (ReportOutput Output, Scratch Scratch) Write(int? threshold = null)
    {
        var scratch = new Scratch();
        var output = StudyReport.Write(WeightedReport.Result, new ReportOptions { OutputDirectory = scratch.Report, SuppressBelow = threshold });
        return (output, scratch);
    }

    [Fact]
    public void TheSectionHasItsTablesAndFigures()
    {
        var (output, scratch) = Write();
        using var _ = scratch;
        var markdown = File.ReadAllText(output.PathOf("report.md"));
        Assert.Contains("## Confounding by indication: propensity-score weighting and adjusted curves", markdown);
        Assert.Contains("Inverse probability of treatment weights and effective sample sizes", markdown);
        Assert.Contains("Balance of the propensity model's covariates before and after weighting: Final cohort", markdown);
        Assert.Contains("Propensity-score weighted hazard ratios", markdown);
        Assert.Contains("absolute effects by direct standardisation", markdown);
        Assert.Contains("Estimand: the average treatment effect (ATE)", markdown);
        // The weighted curves are compared by the robust score test, never by a log-rank test of weighted data.
        Assert.Contains("robust score test of the weighted model, in place of a log-rank test", markdown);
        Assert.DoesNotContain("Log-rank P", File.ReadAllText(output.PathOf("figures/km-weighted.svg")));
        foreach (var figure in new[] { "love-plot-final-cohort", "love-plot-body-tail", "km-weighted", "adjusted-curves" })
        {
            Assert.True(File.Exists(output.PathOf($"figures/{figure}.svg")), figure);
        }
        // The one-record subgroup is not weighted, and the report says why instead of drawing it.
        Assert.Contains("Oldest: not weighted (every analysed record has the level NR)", markdown);
    }

    [Fact]
    public void TheModelsTableCarriesEValuesAndTheirRule()
    {
        var (output, scratch) = Write();
        using var _ = scratch;
        var markdown = File.ReadAllText(output.PathOf("report.md"));
        Assert.Contains("| Adjusted: E-value |", markdown);
        var phr = WeightedReport.Result.Cohort.Models.Single(m => m.Name == "Adjusted")[SyntheticSurgery.PHR].EValue!.For(WeightedReport.Result.Cohort.EValueOutcome.Common);
        Assert.Contains($"{phr.Point.ToString("0.00", CultureInfo.InvariantCulture)} ({phr.ConfidenceLimit!.Value.ToString("0.00", CultureInfo.InvariantCulture)})", markdown);
        Assert.Contains("Outcome common (Final cohort", markdown);
    }

    [Fact]
    public void ResultsJsonHasTheWeightingTheCurvesAndTheEValues()
    {
        var (output, scratch) = Write();
        using var _ = scratch;
        var text = File.ReadAllText(output.PathOf("results.json"));
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
        using var json = JsonDocument.Parse(text);
        var cohort = json.RootElement.GetProperty("cohort");
        var weighting = cohort.GetProperty("weighting");
        var result = WeightedReport.Result.Cohort.Weighting!;
        Assert.Equal(result.N, weighting.GetProperty("n").GetInt32());
        Assert.Equal("Multinomial", weighting.GetProperty("model").GetProperty("kind").GetString());
        var age = weighting.GetProperty("balance").EnumerateArray().Single(b => b.GetProperty("variable").GetString() == "Age");
        Assert.Equal(result.Balance.Single(b => b.Id == "Age").After, age.GetProperty("smdAfter").GetDouble());
        Assert.Equal(result.Arms[2].EffectiveSize, weighting.GetProperty("arms")[2].GetProperty("ess").GetDouble());
        Assert.Equal(result.RobustScore!.P, weighting.GetProperty("robustScore").GetProperty("p").GetDouble());
        var hr = weighting.GetProperty("hazardRatios")[2];
        Assert.Equal(result.HazardRatios[2].EValue!.Common.Point, hr.GetProperty("eValue").GetProperty("common").GetProperty("point").GetDouble());
        var curves = cohort.GetProperty("adjustedCurves");
        Assert.Equal(WeightedReport.Result.Cohort.AdjustedCurves!.Levels[2].Rmst!.Lower, curves.GetProperty("levels")[2].GetProperty("difference").GetProperty("rmst").GetProperty("lower").GetDouble());
        Assert.True(cohort.GetProperty("eValueOutcome").GetProperty("common").GetBoolean());
        var plan = json.RootElement.GetProperty("plan");
        Assert.Equal("Ate", plan.GetProperty("weighting").GetProperty("estimand").GetString());
        Assert.Equal(7, plan.GetProperty("adjustedCurves").GetProperty("seed").GetInt32());
        // The one-record subgroup: not estimated, its hazard ratios without numbers.
        var oldest = json.RootElement.GetProperty("subgroups").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Oldest").GetProperty("weighting");
        Assert.False(oldest.GetProperty("estimated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, oldest.GetProperty("hazardRatios")[1].GetProperty("hazardRatio").ValueKind);
    }

    [Fact]
    public void UnderSuppressionASmallArmsWeightsAreNotShown()
    {
        var (output, scratch) = Write(11);
        using var _ = scratch;
        // NEC: one PHR record. Its arm size, ESS and weights are hidden; so are every arm's extreme weights.
        var nec = File.ReadAllLines(output.PathOf("tables/weights.csv")).Single(l => l.Contains("NEC", StringComparison.Ordinal) && l.Contains("PHR", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"\d", nec.Replace("NEC", "", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(output.PathOf("results.json")));
        var arm = json.RootElement.GetProperty("subgroups").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "NEC")
            .GetProperty("weighting").GetProperty("arms")[2];
        Assert.Equal(JsonValueKind.Null, arm.GetProperty("n").ValueKind);
        Assert.Equal(JsonValueKind.Null, arm.GetProperty("ess").ValueKind);
        var final = json.RootElement.GetProperty("cohort").GetProperty("weighting");
        Assert.Equal(JsonValueKind.Null, final.GetProperty("arms")[0].GetProperty("max").ValueKind);
        Assert.Equal(JsonValueKind.Null, final.GetProperty("curves")[0].GetProperty("steps").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cohort").GetProperty("adjustedCurves").GetProperty("levels")[0].GetProperty("curve").GetProperty("survival").ValueKind);
    }
}
