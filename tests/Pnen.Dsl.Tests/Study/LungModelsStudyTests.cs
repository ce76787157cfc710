using System.Runtime.CompilerServices;
using System.Text.Json;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// <see cref="LungModelsStudy"/> against lung-models.expected.json, which lung-models.R computed with R
/// 4.2.2 and survival 3.5-3 from the same file: strata, per-unit, cut, spline and interaction terms,
/// their likelihood-ratio tests, survival at fixed times, restricted means and a subgroup's P for
/// interaction, each read through the generated typed results. Tolerance 1e-6 relative (1e-5 for P).
/// </summary>
public class LungModelsStudyTests
{
    private static readonly Lazy<LungModelsStudyResult> Result = new(() =>
        LungModelsStudy.Execute(Codebook.Load<LungPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv"))));

    private static readonly Lazy<JsonElement> Expected = new(() => Load());

    private static JsonElement Load([CallerFilePath] string here = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "lung-models.expected.json")));
        return document.RootElement.Clone();
    }

    private static JsonElement R(params string[] path) => path.Aggregate(Expected.Value, (e, p) => e.GetProperty(p));

    [Fact]
    public void StratifiedTestsLeaveOutTheRecordWithoutAStratum()
    {
        var cohort = Result.Value.Cohort;
        Close(R("exposure_logrank_p"), cohort.Result.ExposureLogRank.PValue, 1e-5);
        Close(R("age_wald_p"), cohort.Characteristics.Age.P, 1e-5);
        Close(R("age_hr"), cohort.Characteristics.Age.HazardRatios[0].HazardRatio, 1e-6);
        Close(R("wtloss_logrank_p"), cohort.Characteristics.WtLoss.P, 1e-5);
        Estimate(R("wtloss_hr"), cohort.Characteristics.WtLoss.High.HazardRatio!);
        var missing = Assert.Single(cohort.Result.Notes.OfType<RecordsWithoutStratum>());
        Assert.Equal(R("n").GetInt32() - R("stratified_n").GetInt32(), missing.Count);
    }

    [Fact]
    public void CrudeModelMatchesR()
    {
        var crude = Result.Value.Cohort.Models.Crude;
        Assert.Equal(R("crude", "n").GetInt32(), crude.Result.N);
        Assert.Equal(R("crude", "events").GetInt32(), crude.Result.Events);
        Assert.True(crude[Sex.Male].IsReference);
        Estimate(R("crude", "terms", "sexFemale"), crude[Sex.Female]);
        Assert.Equal(["ECOG performance score (physician)"], crude.Result.Strata);
    }

    [Fact]
    public void AdjustedModelMatchesRTermByTerm()
    {
        var adjusted = Result.Value.Cohort.Models.Adjusted;
        Assert.Equal(R("adjusted", "n").GetInt32(), adjusted.Result.N);
        Assert.Equal(R("adjusted", "events").GetInt32(), adjusted.Result.Events);
        Estimate(R("adjusted", "terms", "sexFemale"), adjusted[Sex.Female]);
        Estimate(R("adjusted", "terms", "age10"), adjusted.Age.Estimate);
        Assert.Equal(10, adjusted.Age.PerUnit);
        Estimate(R("adjusted", "terms", "wtloss>10 lb"), adjusted.WtLoss.High);
        Assert.True(adjusted.WtLoss.Low.IsReference);
        Estimate(R("adjusted", "terms", "sexFemale:wtloss>10 lb"), Assert.Single(adjusted.SexByWtLoss.Estimates));
        var spline = adjusted.PhKarno.Term.Estimates;
        for (var k = 0; k < 3; k++) Estimate(R("adjusted", "terms", $"ns(ph.karno, df = 3){k + 1}"), spline[k]);
    }

    [Fact]
    public void LikelihoodRatioTestsMatchAnova()
    {
        var adjusted = Result.Value.Cohort.Models.Adjusted;
        Test(R("adjusted", "interaction"), adjusted.SexByWtLoss.Test);
        Test(R("adjusted", "nonlinearity"), adjusted.PhKarno.Nonlinearity);
        Test(R("adjusted", "spline"), adjusted.PhKarno.Overall);
        var knots = R("adjusted", "knots").EnumerateArray().Select(k => k.GetDouble()).ToArray();
        Assert.Equal(knots, adjusted.PhKarno.Knots);
    }

    [Fact]
    public void SurvivalAtFixedTimesAndRestrictedMeansMatchSurvfit()
    {
        var cohort = Result.Value.Cohort;
        foreach (var (sex, name) in new[] { (Sex.Male, "Male"), (Sex.Female, "Female") })
        {
            double[] times = [180, 365];
            for (var i = 0; i < times.Length; i++)
            {
                var point = cohort.SurvivalAt[sex][times[i]];
                Close(R("survival", name, "surv")[i], point.Survival, 1e-6);
                Close(R("survival", name, "lower")[i], point.Lower, 1e-6);
                Close(R("survival", name, "upper")[i], point.Upper, 1e-6);
                Assert.Equal(R("survival", name, "n_risk")[i].GetInt32(), point.AtRisk);
            }
            Close(R("rmst", name, "mean"), cohort.RestrictedMean[sex].Mean, 1e-6);
            Close(R("rmst", name, "se"), cohort.RestrictedMean[sex].StdErr, 1e-6);
        }
        var female = cohort.RestrictedMean[Sex.Female];
        var male = cohort.RestrictedMean[Sex.Male];
        Assert.Null(male.Difference);
        // The difference and its standard error by hand from R's two arms: independent groups.
        Close(R("rmst", "Female", "mean").GetDouble() - R("rmst", "Male", "mean").GetDouble(), female.Difference!.Difference, 1e-6);
        Close(Math.Sqrt(Math.Pow(R("rmst", "Female", "se").GetDouble(), 2) + Math.Pow(R("rmst", "Male", "se").GetDouble(), 2)), female.Difference.StdErr, 1e-6);
    }

    [Fact]
    public void TheSubgroupCarriesItsPForInteraction()
    {
        var older = Result.Value.Subgroups.Older;
        Test(R("older_interaction"), older.Interaction!.Test);
        Assert.Null(Result.Value.Cohort.Interaction);
    }

    private static void Estimate(JsonElement expected, Dsl.Estimate actual)
    {
        Close(expected.GetProperty("hr"), actual.HazardRatio, 1e-6);
        Close(expected.GetProperty("lower"), actual.Lower, 1e-6);
        Close(expected.GetProperty("upper"), actual.Upper, 1e-6);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    private static void Test(JsonElement expected, TestResult? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(TestKind.LikelihoodRatio, actual.Kind);
        Close(expected.GetProperty("chisq"), actual.ChiSquare, 1e-6);
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.Df);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    private static void Close(JsonElement expected, double? actual, double relative) => Close(expected.GetDouble(), actual, relative);

    private static void Close(double expected, double? actual, double relative)
    {
        Assert.True(actual is not null, $"R has {expected:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - expected) <= relative * Math.Max(Math.Abs(expected), 1e-12), $"R {expected:R}, Pnen {actual:R}");
    }
}
