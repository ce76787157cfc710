using System.Runtime.CompilerServices;
using System.Text.Json;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// A time-dependent exposure end to end (<see cref="MyeloidStudy"/>) against myeloid-study.expected.json,
/// which myeloid-study.R computed with R 4.2.2 and survival 3.5-3 (tmerge, coxph on (start, stop] data,
/// hand-built landmark data sets): the naive hazard ratio of an ever-transplanted patient (0.74) against
/// the time-dependent one (1.80), the landmarks, the Simon-Makuch curve and the subgroup's interaction,
/// each read through the generated typed results. Tolerance 1e-6 relative (1e-5 for P).
/// </summary>
public class MyeloidStudyTests
{
    private static readonly Lazy<MyeloidStudyResult> Result = new(() =>
        MyeloidStudy.Execute(Codebook.Load<MyeloidPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "cox-core", "myeloid.csv"))));

    private static readonly Lazy<JsonElement> Expected = new(() => Load());

    private static JsonElement Load([CallerFilePath] string here = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "myeloid-study.expected.json")));
        return document.RootElement.Clone();
    }

    private static JsonElement R(params string[] path) => path.Aggregate(Expected.Value, (e, p) => e.GetProperty(p));

    [Fact]
    public void TheMainModelsAreTimeDependent()
    {
        var cohort = Result.Value.Cohort;
        Assert.True(cohort.Result.TimeDependentExposure);
        Estimate(R("time_dependent", "crude"), cohort.Models.Crude[true]);
        Estimate(R("time_dependent", "adjusted"), cohort.Models.Adjusted[true]);
        Estimate(R("time_dependent", "arm_b"), cohort.Models.Adjusted.Arm[MyeloidArm.B]);
        // A patient's intervals are rows; the patients are counted once.
        Assert.Equal(646, cohort.Models.Crude.Result.N);
        Assert.True(cohort.Models.Crude.Result.Rows > cohort.Models.Crude.Result.N);
    }

    [Fact]
    public void TheNaiveAnalysisCreditsTheTransplantWithImmortalTime()
    {
        var check = Result.Value.Cohort.ImmortalTime;
        Estimate(R("naive", "crude"), check.Naive.Crude[true]);
        Estimate(R("naive", "adjusted"), check.Naive.Adjusted[true]);
        Assert.True(check.Naive.Crude[true].HazardRatio < 1 && check.TimeDependent.Crude[true].HazardRatio > 1);
        Assert.Same(check.TimeDependent.Crude.Result, Result.Value.Cohort.Models.Crude.Result);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    public void LandmarksMatchTheHandBuiltRFits(double time)
    {
        var landmark = Result.Value.Cohort.ImmortalTime[time];
        var r = R($"landmark_{time}");
        Assert.Equal(r.GetProperty("n").GetInt32(), landmark.N);
        Assert.Equal(r.GetProperty("events").GetInt32(), landmark.Events);
        Assert.Equal(r.GetProperty("exposed").GetInt32(), landmark.Result.Arms[1].Count);
        Estimate(r.GetProperty("crude"), landmark.Models.Crude[true]);
        Estimate(r.GetProperty("adjusted"), landmark.Models.Adjusted[true]);
    }

    [Fact]
    public void SurvivalAtATimeIsReadOffTheSimonMakuchCurves()
    {
        var cohort = Result.Value.Cohort;
        Close(R("simon_makuch_365", "No").GetDouble(), cohort.SurvivalAt[false][365].Survival, 1e-6);
        Close(R("simon_makuch_365", "Yes").GetDouble(), cohort.SurvivalAt[true][365].Survival, 1e-6);
        Assert.Equal(R("simon_makuch_365", "yes_risk").GetInt32(), cohort.SurvivalAt[true][365].AtRisk);
    }

    [Fact]
    public void TheSubgroupsInteractionUsesTheTimeDependentRows()
    {
        var interaction = Result.Value.Subgroups.ArmB.Interaction!.Test!;
        Close(R("arm_b_interaction", "chisq").GetDouble(), interaction.ChiSquare, 1e-6);
        Close(R("arm_b_interaction", "p").GetDouble(), interaction.P, 1e-5);
    }

    private static void Estimate(JsonElement expected, Dsl.Estimate actual)
    {
        Close(expected.GetProperty("hr").GetDouble(), actual.HazardRatio, 1e-6);
        Close(expected.GetProperty("lower").GetDouble(), actual.Lower, 1e-6);
        Close(expected.GetProperty("upper").GetDouble(), actual.Upper, 1e-6);
        Close(expected.GetProperty("p").GetDouble(), actual.P, 1e-5);
    }

    private static void Close(double expected, double? actual, double relative)
    {
        Assert.True(actual is not null, $"R has {expected:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - expected) <= relative * Math.Max(Math.Abs(expected), 1e-12), $"R {expected:R}, Pnen {actual:R}");
    }
}
