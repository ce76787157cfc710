using System.Text.Json;
using Pnen.Dsl.Report;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// A plan whose data are in one time unit and whose results and report are in another
/// (<c>unit: TimeUnit.Days, report: TimeUnit.Years</c>): medians with their CIs, median follow-up,
/// survival at fixed times and restricted means are R's survfit on time / 365.25 (the plan's
/// .SurvivalAt and .RestrictedMean times in years), the hazard ratio is that of the days, and the
/// report says years. Also months reported in weeks. Expected values: tests/TestData/report-units/
/// lung-years.R (R 4.2.2, survival 3.5-3). Tolerances 1e-6 relative, 1e-5 for P.
/// </summary>
public class ReportTimeUnitTests
{
    private static readonly Lazy<CodebookData<LungPatient>> Data = new(() => Codebook.Load<LungPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv")));

    private static StudyPlan<LungPatient, Sex> InYears => Dsl.Study.Of<LungPatient>("Lung in years")
        .Survival(p => p.Time, p => p.Died, unit: TimeUnit.Days, report: TimeUnit.Years)
        .Exclude("Institution unknown", p => p.Institution is null)
        .Exposure(p => p.Sex, reference: Sex.Male)
        .Model("Crude", Cox.Efron)
        .SurvivalAt(0.5, 1, 2)
        .RestrictedMean(2);

    /// <summary>The same data read as months (days / 30.4375) and reported in weeks.</summary>
    private static StudyPlan<LungPatient, Sex> MonthsInWeeks(double[] times) => Dsl.Study.Of<LungPatient>("Lung in weeks")
        .Survival(p => p.Time / (365.25 / 12), p => p.Died, unit: TimeUnit.Months, report: TimeUnit.Weeks)
        .Exclude("Institution unknown", p => p.Institution is null)
        .Exposure(p => p.Sex, reference: Sex.Male)
        .SurvivalAt(times)
        .RestrictedMean(2 * 365.25 / 7);

    private static JsonElement Expected
    {
        get
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "report-units", "lung-years.expected.json")));
            return document.RootElement.Clone();
        }
    }

    [Fact]
    public void TimesAreInTheReportUnitAsRComputesThemOnConvertedTimes()
    {
        var result = InYears.Execute(Data.Value);
        Check(Expected.GetProperty("years"), result.Cohort);
        Assert.Equal([0.5, 1, 2], result.Cohort.SurvivalAt!.Times);
        Assert.Equal(2, result.Cohort.RestrictedMean!.Tau);
    }

    [Fact]
    public void MonthsReportedInWeeksAgreeWithR()
    {
        var expected = Expected.GetProperty("weeks_from_months");
        var times = expected.GetProperty("levels")[0].GetProperty("times").EnumerateArray().Select(t => t.GetDouble()).ToArray();
        Check(expected, MonthsInWeeks(times).Execute(Data.Value).Cohort);
    }

    [Fact]
    public void TheHazardRatioDoesNotDependOnTheUnit()
    {
        var crude = InYears.Execute(Data.Value).Cohort.Models.Single();
        var estimate = crude.Terms[0].Estimates.Single(e => !e.IsReference);
        Close(Expected.GetProperty("hr").GetDouble(), estimate.HazardRatio);
        Close(Expected.GetProperty("hr_days").GetDouble(), estimate.HazardRatio);
        Close(Expected.GetProperty("hr_p").GetDouble(), estimate.P, 1e-5);
    }

    [Fact]
    public void TheDeclarationAndTheReportSayBothUnits()
    {
        var result = InYears.Execute(Data.Value);
        var outcome = result.Declaration.Outcome!;
        Assert.Equal("years", outcome.Unit);
        Assert.Equal("Survival time", outcome.TimeLabel);
        Assert.Equal(new TimeScale(TimeUnit.Days, TimeUnit.Years), outcome.Scale);
        Assert.Equal(1 / 365.25, outcome.Scale!.Factor, 15);

        var document = StudyReport.Build(result, new ReportOptions { OutputDirectory = "unused" });
        var methods = string.Join(" ", document.Sections[0].Blocks.OfType<ReportParagraph>().Select(p => p.Text));
        Assert.Contains("Outcome: Survival time (years)", methods);
        Assert.Contains("Times were recorded in days and are reported in years (365.25 days a year).", methods);
        Assert.Contains("Kaplan\u2013Meier survival with 95% confidence intervals at 0.5, 1, and 2 years.", methods);
        var km = document.Figures.Single(f => f.FileName == "km").Svg;
        Assert.Contains(">Time (years)</text>", km);
        // Medians in years get a decimal: the male median 0.736 years reads 0.7 (R: 0.736481861738535).
        var survival = document.Tables.Single(t => t.FileName == "survival-by-exposure");
        Assert.StartsWith("0.7 (", survival.Rows.Single(r => r.Label == "Male").Cells[2].Text);
    }

    [Fact]
    public void ANegativeTimeIsReportedAsRecordedNotConverted()
    {
        // A computed time (the loader refuses a negative column value already): row 1 has 306 days, so -94.
        var plan = Dsl.Study.Of<LungPatient>("Shifted")
            .Survival(p => p.Time - 400, p => p.Died, unit: TimeUnit.Days, report: TimeUnit.Years)
            .Exposure(p => p.Sex, reference: Sex.Male);
        var error = Assert.Throws<Pnen.Data.DataException>(() => plan.Execute(Data.Value));
        Assert.Contains("row 1", error.Message);
        Assert.Contains("'-94'", error.Message);
    }

    private static void Check(JsonElement expected, CohortResult<Sex> cohort)
    {
        Close(expected.GetProperty("median").GetDouble(), cohort.Overall.Median.Time);
        Close(expected.GetProperty("follow_up").GetDouble(), cohort.MedianFollowUp);
        Close(expected.GetProperty("max_time").GetDouble(), cohort.Overall.Steps[^1].Time);
        foreach (var level in expected.GetProperty("levels").EnumerateArray())
        {
            var name = level.GetProperty("level").GetString();
            var curve = cohort.ExposureCurves.Single(c => c.Level == name);
            Close(level.GetProperty("median").GetDouble(), curve.Median.Time);
            Close(level.GetProperty("lower").GetDouble(), curve.Median.Lower);
            Close(level.GetProperty("upper").GetDouble(), curve.Median.Upper);
            var rmst = cohort.RestrictedMean!.Arms.Single(a => a.Level == name);
            Close(level.GetProperty("rmean").GetDouble(), rmst.Mean);
            Close(level.GetProperty("rmean_se").GetDouble(), rmst.StdErr);
            var points = cohort.SurvivalAt!.Arms.Single(a => a.Level == name).Points;
            for (var i = 0; i < points.Count; i++)
            {
                Close(level.GetProperty("times")[i].GetDouble(), points[i].Time);
                Close(level.GetProperty("survival")[i].GetDouble(), points[i].Survival);
                Close(level.GetProperty("survival_lower")[i].GetDouble(), points[i].Lower);
                Close(level.GetProperty("survival_upper")[i].GetDouble(), points[i].Upper);
            }
        }
    }

    private static void Close(double expected, double? actual, double tolerance = 1e-6)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= tolerance * Math.Abs(expected) + 1e-12, $"expected {expected}, got {actual}");
    }
}

/// <summary>A time-dependent exposure whose start is read in the data's unit (days to transplant) while the
/// plan reports in years: the start is converted with the follow-up, so the time-dependent and landmark
/// hazard ratios are R's (myeloid-study.R, in days) and survival at 1 year is survival at 365.25 days.</summary>
public class ReportTimeUnitTimeDependentTests
{
    private static StudyPlan<MyeloidPatient, bool> InYears => Dsl.Study.Of<MyeloidPatient>("Myeloid in years")
        .Survival(p => p.Days, p => p.Died, unit: TimeUnit.Days, report: TimeUnit.Years)
        .Exposure(p => p.Transplanted, reference: false, startsAt: p => p.DaysToTransplant)
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Arm))
        .Landmark(100 / 365.25, 200 / 365.25);

    private static JsonElement Expected(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "tests", "Pnen.Dsl.Tests", "Study", "myeloid-study.expected.json")));
        return document.RootElement.GetProperty(name).Clone();
    }

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    [Fact]
    public void TheStartIsConvertedWithTheFollowUp()
    {
        var cohort = InYears.Execute(Codebook.Load<MyeloidPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "cox-core", "myeloid.csv"))).Cohort;
        Assert.True(cohort.TimeDependentExposure);
        HazardRatio(Expected("time_dependent").GetProperty("crude"), cohort.Models[0].Exposure.Estimates.Single(e => !e.IsReference));
        foreach (var (days, years) in new[] { (100, 100 / 365.25), (200, 200 / 365.25) })
        {
            var landmark = cohort.ImmortalTime![years];
            var r = Expected($"landmark_{days}");
            Assert.Equal(r.GetProperty("n").GetInt32(), landmark.N);
            Assert.Equal(r.GetProperty("exposed").GetInt32(), landmark.Arms[1].Count);
            HazardRatio(r.GetProperty("crude"), landmark.Models[0].Exposure.Estimates.Single(e => !e.IsReference));
        }
    }

    private static void HazardRatio(JsonElement expected, Estimate actual)
    {
        Assert.True(Math.Abs(actual.HazardRatio!.Value - expected.GetProperty("hr").GetDouble()) <= 1e-6 * expected.GetProperty("hr").GetDouble(), $"HR {actual.HazardRatio} against R's {expected.GetProperty("hr")}");
        Assert.True(Math.Abs(actual.P!.Value - expected.GetProperty("p").GetDouble()) <= 1e-5 * expected.GetProperty("p").GetDouble(), $"P {actual.P} against R's {expected.GetProperty("p")}");
    }
}
