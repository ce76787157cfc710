using System.Runtime.CompilerServices;
using System.Text.Json;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// The lung study end to end (load, flow, univariate, screened multivariable Cox, subgroup with
/// its own exclusion, an analysis within women) against lung-study.expected.json, which
/// lung-study.R computed with R 4.2.2 and survival 3.5-3 from the same file. Tolerance 1e-6
/// relative (1e-5 for p-values), as for the engine.
/// </summary>
public class LungStudyTests
{
    private static readonly Lazy<LungStudyResult> Result = new(() =>
        LungStudy.Execute(Codebook.Load<LungPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv"))));

    private static JsonElement Expected([CallerFilePath] string here = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "lung-study.expected.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public void FlowCountsEachExclusionInOrder()
    {
        var expected = Expected();
        var flow = Result.Value.Flow;
        Assert.Equal(expected.GetProperty("recruited").GetInt32(), flow.Recruited);
        var step = Assert.Single(flow.Exclusions);
        Assert.Equal("Institution unknown", step.Reason);
        Assert.Equal(expected.GetProperty("after_exclusion").GetInt32(), step.Remaining);
        Assert.Equal(expected.GetProperty("after_exclusion").GetInt32(), flow.Final);
        Assert.Equal(flow.Final, flow.Arms.Sum(a => a.Count));

        var older = Assert.Single(flow.Subgroups);
        var expectedOlder = expected.GetProperty("older");
        Assert.Equal(expectedOlder.GetProperty("missing_ecog_excluded").GetInt32(), Assert.Single(older.Exclusions).Excluded);
        Assert.Equal(expectedOlder.GetProperty("not_selected").GetInt32(), older.NotSelected);
        Assert.Equal(expectedOlder.GetProperty("n").GetInt32(), older.Count);
    }

    [Fact]
    public void FinalCohortMatchesR() => CheckCohort(Expected().GetProperty("cohort"), Result.Value.Cohort.Result);

    [Fact]
    public void SubgroupMatchesRAndSkipsWhatIsConstantInIt()
    {
        var older = Result.Value.Subgroups.Older;
        CheckCohort(Expected().GetProperty("older"), older.Result);
        var age = older.Characteristics.Age;
        Assert.Null(age.P);
        var constant = Assert.IsType<NotTested>(age.Result.Note);
        Assert.Equal(ConstancyKind.OneLevel, constant.Reason.Kind);
        Assert.Equal(">=65", constant.Reason.Level);
        Assert.Contains(older.Result.Notes, n => n is NotTested { Subject: "Age group" });
    }

    [Fact]
    public void WithinWomenTheEcogEffectMatchesR()
    {
        var expected = Expected().GetProperty("women_ecog");
        var women = Result.Value.Cohort.Selections.Women;
        Assert.Equal(expected.GetProperty("n").GetInt32(), women.N);
        var ecog = women.PhEcog;
        var estimate = ecog.High.HazardRatio!;
        Close(expected, "hr", estimate.HazardRatio, 1e-6);
        Close(expected, "lower", estimate.Lower, 1e-6);
        Close(expected, "upper", estimate.Upper, 1e-6);
        Close(expected, "p", estimate.P, 1e-5);
        Close(expected, "logrank_p", ecog.LogRank!.P, 1e-5);
        Assert.True(ecog.Low.HazardRatio!.IsReference);
    }

    [Fact]
    public void TypedIndexersReachExposureLevels()
    {
        var cohort = Result.Value.Cohort;
        Assert.Equal("Female", cohort[Sex.Female].Level);
        Assert.True(cohort.Models.Multivariable[Sex.Male].IsReference);
        Assert.NotNull(cohort.Models.Multivariable[Sex.Female].HazardRatio);
        Assert.Equal(cohort.Models.Multivariable[Sex.Female], cohort.Models.Multivariable.Result.Exposure.Estimates[1]);
    }

    private static void CheckCohort(JsonElement expected, CohortResult<Sex> actual)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.N);
        Assert.Equal(expected.GetProperty("events").GetInt32(), actual.Events);
        Close(expected, "median_follow_up", actual.MedianFollowUp, 1e-6);
        Close(expected, "exposure_logrank_p", actual.ExposureLogRank.PValue, 1e-5);
        foreach (var level in expected.GetProperty("exposure_levels").EnumerateArray())
        {
            CheckLevel(level, actual.Characteristic("Sex").Levels.Single(l => l.Level == level.GetProperty("level").GetString()));
        }

        foreach (var row in expected.GetProperty("univariate").EnumerateArray())
        {
            var name = row.GetProperty("characteristic").GetString()!;
            var mine = actual.Characteristics.Single(c => c.Label == name);
            Close(row, "p", mine.P, 1e-5);
            Assert.Equal(row.GetProperty("missing").GetInt32(), mine.Missing);
            foreach (var level in row.GetProperty("levels").EnumerateArray())
            {
                CheckLevel(level, mine.Levels.Single(l => l.Level == level.GetProperty("level").GetString()));
            }
        }

        var model = actual.Model("Multivariable");
        Assert.Equal(expected.GetProperty("selected").EnumerateArray().Select(s => s.GetString()!), model.Terms.Skip(1).Select(t => t.Label));
        Assert.Equal(expected.GetProperty("model_n").GetInt32(), model.N);
        foreach (var term in expected.GetProperty("model_terms").EnumerateArray())
        {
            var name = term.GetProperty("term").GetString()!;
            var estimate = model.Estimates.Single(e => !e.IsReference && RName(e) == name);
            Close(term, "hr", estimate.HazardRatio, 1e-6);
            Close(term, "lower", estimate.Lower, 1e-6);
            Close(term, "upper", estimate.Upper, 1e-6);
            Close(term, "p", estimate.P, 1e-5);
        }
    }

    /// <summary>R names a factor term variable + level: "sexFemale", "agegroup>=65"; Pnen's term is its id.</summary>
    private static string RName(Estimate e) => e.Term switch
    {
        "Sex" => "sex",
        "Age" => "agegroup",
        "PhEcog" => "ecog",
        "WtLoss" => "wtloss",
        var other => other,
    } + e.Level;

    private static void CheckLevel(JsonElement expected, LevelSurvival actual)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.N);
        Assert.Equal(expected.GetProperty("events").GetInt32(), actual.Events);
        Close(expected, "median", actual.Median, 1e-9);
        Close(expected, "q25", actual.Q25, 1e-9);
        Close(expected, "q75", actual.Q75, 1e-9);
    }

    private static void Close(JsonElement expected, string property, double? actual, double relative)
    {
        var value = expected.GetProperty(property);
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{property}: R has no value (not reached / not tested), Pnen has {actual}");
            return;
        }
        Assert.True(actual is not null, $"{property}: R has {value.GetDouble()}, Pnen has none");
        var e = value.GetDouble();
        Assert.True(Math.Abs(actual!.Value - e) <= relative * Math.Max(Math.Abs(e), 1e-12), $"{property}: R {e:R}, Pnen {actual:R}");
    }
}
