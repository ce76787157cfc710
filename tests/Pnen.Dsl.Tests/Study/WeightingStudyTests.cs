using System.Text.Json;
using Pnen.Dsl.Tests.Codebooks;
using Pnen.Stats.Weighting;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// The plans of WeightingStudies.cs against tests/TestData/dsl-weighting/dsl-weighting-reference.json, which
/// make-reference.R computed with R 4.2.2, survival 3.5-3 and nnet 7.3-18 from the same files: propensity
/// weights, their distribution and ESS, balance before and after, weighted Kaplan-Meier and robust Cox,
/// E-values, and Cox-standardised curves with a seeded bootstrap, each read through the generated typed
/// results. Tolerance 1e-6 relative (1e-5 for P values).
/// </summary>
public class WeightingStudyTests
{
    private static readonly Lazy<LungWeightingStudyResult> Lung = new(() =>
        LungWeightingStudy.Execute(Codebook.Load<LungPatient>(TestData("lung.csv"))));

    private static readonly Lazy<CodebookData<SyntheticPatient>> Synthetic = new(() => Codebook.Load<SyntheticPatient>(TestData("weighting", "pnen-synthetic.csv")));

    private static readonly Lazy<SurgeryWeightingStudyResult> Surgery = new(() => SurgeryWeightingStudy.Execute(Synthetic.Value));

    private static readonly Lazy<JsonElement> Expected = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestData("dsl-weighting", "dsl-weighting-reference.json")));
        return document.RootElement.Clone();
    });

    private static string TestData(params string[] path) => Path.Combine([AppContext.BaseDirectory, "TestData", .. path]);

    private static JsonElement R(params string[] path) => path.Aggregate(Expected.Value, (e, p) => e.GetProperty(p));

    [Fact]
    public void LungAttWeightsTheirDistributionAndEssMatchR()
    {
        var weighting = Lung.Value.Cohort.Weighting.Result;
        var expected = R("lung", "weighting");
        Assert.True(weighting.Estimated);
        Assert.Equal(expected.GetProperty("n").GetInt32(), weighting.N);
        Assert.Equal(expected.GetProperty("dropped").GetInt32(), weighting.Dropped);
        Assert.Equal(Estimand.Att, weighting.Declaration.Estimand);
        Assert.Equal("Female", weighting.Declaration.Focal);
        Weights(expected, weighting);
    }

    [Fact]
    public void LungBalanceBeforeAndAfterMatchesR()
    {
        var balance = Lung.Value.Cohort.Weighting.Balance;
        var rows = R("lung", "weighting", "balance");
        Balance(rows, "Age", null, "Female", balance.Age[Sex.Female]);
        Balance(rows, "PhKarno", null, "Female", balance.PhKarno[Sex.Female]);
        Balance(rows, "WtLoss", "<=10 lb", "Female", balance.WtLoss.Low[Sex.Female]);
        Balance(rows, "WtLoss", ">10 lb", "Female", balance.WtLoss.High[Sex.Female]);
        // Two levels: the summary is the one comparison.
        Assert.Equal(balance.Age[Sex.Female].After, balance.Age.After);
        Assert.Throws<ArgumentOutOfRangeException>(() => balance.Age[Sex.Male]);
    }

    [Fact]
    public void LungWeightedCurvesAndRobustCoxMatchSurvfitAndCoxph()
    {
        var cohort = Lung.Value.Cohort;
        var expected = R("lung", "weighting");
        Curves(expected.GetProperty("km"), cohort.Weighting.Result.Curves, [180, 365]);
        Cox(expected.GetProperty("cox"), cohort.Weighting.Result, "treatFemale", cohort.Weighting[Sex.Female]);
        Assert.True(cohort.Weighting[Sex.Male].IsReference);
    }

    [Fact]
    public void ASubgroupIsWeightedOnItsOwn()
    {
        var older = Lung.Value.Subgroups.Older.Weighting;
        var expected = R("lung", "older");
        Assert.Equal(expected.GetProperty("n").GetInt32(), older.Result.N);
        Weights(expected, older.Result);
        Balance(expected.GetProperty("balance"), "PhKarno", null, "Female", older.Balance.PhKarno[Sex.Female]);
        Cox(expected.GetProperty("cox"), older.Result, "treatFemale", older[Sex.Female]);
    }

    [Fact]
    public void EValuesFollowTheOutcomesFrequencyAndMatchTheFormulas()
    {
        var cohort = Lung.Value.Cohort;
        // 1 - S at the last time is 95%: a common outcome, as R's survfit says.
        Close(R("lung", "weighting", "outcome", "proportion"), cohort.Result.EValueOutcome.EventProportion, 1e-6);
        Assert.True(cohort.Result.EValueOutcome.Common);
        var weighted = cohort.Weighting[Sex.Female].EValue!;
        EValues(R("lung", "weighting", "cox", "rows", "treatFemale"), weighted, common: true);
        var adjusted = cohort.Models.Adjusted;
        EValues(R("lung", "adjusted", "sexFemale"), adjusted[Sex.Female].EValue!, common: true);
        EValues(R("lung", "adjusted", "I(age/10)"), adjusted.Age.Estimate.EValue!, common: true);
        EValues(R("lung", "adjusted", "ph.karno"), adjusted.PhKarno.Estimate.EValue!, common: true);
        Assert.Null(adjusted[Sex.Male].EValue);
    }

    [Fact]
    public void LungCurvesStandardisedFromThePlansModelMatchR()
    {
        var curves = Lung.Value.Cohort.AdjustedCurves;
        var expected = R("lung", "curves");
        Assert.True(curves.Estimated);
        Assert.Equal(expected.GetProperty("n").GetInt32(), curves.N);
        // The plan's ECOG strata enter the standardisation model as a covariate.
        Assert.Equal(["Age, y", "Karnofsky score (physician)", "ECOG performance score (physician)"], curves.Covariates);
        Assert.Equal(20, curves.Replicates);
        Standardised(expected, [curves[Sex.Male], curves[Sex.Female]], [180, 365]);
        Assert.Null(curves[Sex.Male].Rmst);
    }

    [Fact]
    public void ThreeArmsStabilisedTruncatedAteMatchesR()
    {
        var cohort = Surgery.Value.Cohort;
        var weighting = cohort.Weighting.Result;
        var expected = R("synthetic", "weighting");
        Assert.Equal(Stats.Regression.LogitKind.Multinomial, weighting.Model!.Kind);
        Assert.Equal(expected.GetProperty("n").GetInt32(), weighting.N);
        Assert.Equal(expected.GetProperty("dropped").GetInt32(), weighting.Dropped);
        Assert.Contains(weighting.Notes, n => n is RecordsLeftOutOfWeighting { Count: 15 });
        Weights(expected, weighting);
        var rows = expected.GetProperty("balance");
        var balance = cohort.Weighting.Balance;
        foreach (var (arm, name) in new[] { (SyntheticSurgery.PR, "PR"), (SyntheticSurgery.PHR, "PHR") })
        {
            Balance(rows, "Age", null, name, balance.Age[arm]);
            Balance(rows, "HmDiameter", null, name, balance.HmDiameter[arm]);
            Balance(rows, "Sex", "Female", name, balance.Sex[SyntheticSex.Female][arm]);
            foreach (var grade in Enum.GetValues<SyntheticGrade>()) Balance(rows, "Grade", grade.ToString(), name, balance.Grade[grade][arm]);
        }
        // The summary of three arms is the comparison of largest absolute value.
        var age = balance.Age;
        Assert.Equal(new[] { age[SyntheticSurgery.PR].After, age[SyntheticSurgery.PHR].After }.MaxBy(v => Math.Abs(v!.Value)), age.After);
        Curves(expected.GetProperty("km"), weighting.Curves, [12, 36, 60]);
        Cox(expected.GetProperty("cox"), weighting, "treatPR", cohort.Weighting[SyntheticSurgery.PR]);
        Cox(expected.GetProperty("cox"), weighting, "treatPHR", cohort.Weighting[SyntheticSurgery.PHR]);
    }

    [Fact]
    public void ThreeArmsInAnOrdinarySubgroupMatchR()
    {
        var subgroup = Surgery.Value.Subgroups.BodyTail.Weighting;
        var expected = R("synthetic", "bodytail");
        Weights(expected, subgroup.Result);
        Balance(expected.GetProperty("balance"), "Age", null, "PHR", subgroup.Balance.Age[SyntheticSurgery.PHR]);
        Cox(expected.GetProperty("cox"), subgroup.Result, "treatPHR", subgroup[SyntheticSurgery.PHR]);
    }

    [Fact]
    public void TheAttOfThreeLevelsWeightsTowardsItsFocalLevel()
    {
        var weighting = SurgeryAttStudy.Execute(Synthetic.Value).Cohort.Weighting;
        var expected = R("synthetic", "att");
        Assert.Equal("PHR", weighting.Result.Declaration.Focal);
        Arms(expected.GetProperty("arms"), weighting.Result);
        var rows = expected.GetProperty("balance");
        Balance(rows, "Age", null, "PHR", weighting.Balance.Age[SyntheticSurgery.PHR]);
        Balance(rows, "Grade", "NEC", "PR", weighting.Balance.Grade[SyntheticGrade.NEC][SyntheticSurgery.PR]);
    }

    [Fact]
    public void ThreeArmsEValuesAndStandardisedCurvesMatchR()
    {
        var cohort = Surgery.Value.Cohort;
        var common = cohort.Result.EValueOutcome.Common;
        Assert.Equal(R("synthetic", "weighting", "outcome", "common").GetBoolean(), common);
        var adjusted = cohort.Models.Adjusted;
        EValues(R("synthetic", "adjusted", "surgeryPHR"), adjusted[SyntheticSurgery.PHR].EValue!, common);
        EValues(R("synthetic", "adjusted", "gradeNEC"), adjusted.Grade[SyntheticGrade.NEC].EValue!, common);
        var curves = cohort.AdjustedCurves;
        Assert.Equal(["Age, y", "Gender", "Pathological grading"], curves.Covariates);
        Standardised(R("synthetic", "curves"), [curves[SyntheticSurgery.NR], curves[SyntheticSurgery.PR], curves[SyntheticSurgery.PHR]], [12, 36, 60]);
    }

    [Fact]
    public void DegenerateSubgroupsSayWhyAndKeepEveryTypedRow()
    {
        var subgroups = Surgery.Value.Subgroups;
        // NEC: one PHR record, grade constant; separation in the propensity model, said by name.
        var nec = subgroups.Nec.Weighting.Result;
        Assert.True(nec.Estimated);
        Assert.Contains(nec.Notes, n => n is NotEstimated { Term: "Pathological grading" });
        Assert.Contains(nec.Notes, n => n is PropensitySeparation);
        // Two records, no PHR: the weighting compares the two arms it has.
        var diffused = subgroups.Diffused.Weighting.Result;
        Assert.Contains(diffused.Notes, n => n is LevelsWithoutRecords { Levels: ["PHR"] });
        Assert.Equal(0, diffused.Arms[2].N);
        Assert.Null(subgroups.Diffused.Weighting.Balance.Age[SyntheticSurgery.PHR].After);
        Assert.Contains(subgroups.Diffused.AdjustedCurves.Notes, n => n is LevelsWithoutRecords);
        // One record of one arm: nothing to weight, every row still there, without numbers.
        var oldest = subgroups.Oldest;
        Assert.False(oldest.Weighting.Result.Estimated);
        Assert.Contains(oldest.Weighting.Result.Notes, n => n is NotDone);
        Assert.Null(oldest.Weighting.Balance.Sex[SyntheticSex.Male][SyntheticSurgery.PR].Before);
        Assert.Null(oldest.Weighting[SyntheticSurgery.PHR].HazardRatio);
        Assert.False(oldest.AdjustedCurves.Estimated);
        Assert.Null(oldest.AdjustedCurves[SyntheticSurgery.PHR].Rmst);
        Assert.False(oldest.Weighting.Result.Balanced);
    }

    [Fact]
    public void TheBootstrapIsTheSameForASeedAndDiffersForAnother()
    {
        var again = SurgeryWeightingStudy.Execute(Synthetic.Value, new StudyExecutionOptions { Parallel = false }).Cohort.AdjustedCurves;
        var first = Surgery.Value.Cohort.AdjustedCurves;
        Assert.Equal(first[SyntheticSurgery.PHR].Rmst, again[SyntheticSurgery.PHR].Rmst);
        Assert.Equal(first[SyntheticSurgery.PR][36], again[SyntheticSurgery.PR][36]);

        var reseeded = CurvesWithSeed(8).Execute(Synthetic.Value).Cohort.AdjustedCurves!;
        Assert.Equal(first[SyntheticSurgery.PHR].Rmst, CurvesWithSeed(7).Execute(Synthetic.Value).Cohort.AdjustedCurves![SyntheticSurgery.PHR].Rmst);
        Assert.Equal(first[SyntheticSurgery.PHR].Rmst!.Estimate, reseeded[SyntheticSurgery.PHR].Rmst!.Estimate);
        Assert.NotEqual(first[SyntheticSurgery.PHR].Rmst!.Lower, reseeded[SyntheticSurgery.PHR].Rmst!.Lower);
    }

    /// <summary>The surgery plan's curves alone, with another seed.</summary>
    private static StudyPlan<SyntheticPatient, SyntheticSurgery> CurvesWithSeed(int seed) => Dsl.Study.Of<SyntheticPatient>("seeded")
        .Survival(p => p.OsMonths, p => p.Died)
        .Exclude("Unknown grade", p => p.Grade is null)
        .Exposure(p => p.Surgery, reference: SyntheticSurgery.NR)
        .AdjustedCurves(c => c.Adjust(p => p.Age, p => p.Sex, p => p.Grade).SurvivalAt(12, 36, 60).RestrictedMean(60).Bootstrap(20, seed: seed));

    private static void Weights<TX>(JsonElement expected, WeightingResult<TX> weighting) where TX : notnull => Weights(expected, weighting.Weights!, weighting.Arms);

    private static void Weights(JsonElement expected, Stats.Weighting.WeightingResult weights, IReadOnlyList<ArmWeights> arms)
    {
        Close(expected.GetProperty("weights").GetProperty("sum"), weights.Sum, 1e-6);
        Close(expected.GetProperty("weights").GetProperty("min"), weights.Min, 1e-6);
        Close(expected.GetProperty("weights").GetProperty("max"), weights.Max, 1e-6);
        var bounds = expected.GetProperty("bounds");
        Close(bounds[0], weights.TruncationBounds!.Value.Lower, 1e-6);
        Close(bounds[1], weights.TruncationBounds!.Value.Upper, 1e-6);
        Arms(expected.GetProperty("arms"), arms);
    }

    private static void Arms<TX>(JsonElement expected, WeightingResult<TX> weighting) where TX : notnull => Arms(expected, weighting.Arms);

    private static void Arms(JsonElement expected, IReadOnlyList<ArmWeights> arms)
    {
        foreach (var arm in expected.EnumerateArray())
        {
            var actual = arms.Single(a => a.Level == arm.GetProperty("level").GetString());
            Assert.Equal(arm.GetProperty("n").GetInt32(), actual.N);
            Close(arm.GetProperty("sum"), actual.Sum, 1e-6);
            Close(arm.GetProperty("ess"), actual.EffectiveSize, 1e-6);
            Close(arm.GetProperty("min"), actual.Min, 1e-6);
            Close(arm.GetProperty("q1"), actual.Q1, 1e-6);
            Close(arm.GetProperty("median"), actual.Median, 1e-6);
            Close(arm.GetProperty("q3"), actual.Q3, 1e-6);
            Close(arm.GetProperty("max"), actual.Max, 1e-6);
        }
    }

    /// <summary>Standardised differences compare absolutely below 1 (an SMD after weighting can be near 0).</summary>
    private static void Balance(JsonElement rows, string variable, string? level, string treatment, BalanceComparison actual)
    {
        var row = rows.EnumerateArray().Single(r => r.GetProperty("variable").GetString() == variable && r.GetProperty("treatment").GetString() == treatment
            && (r.GetProperty("level").ValueKind == JsonValueKind.Null ? level is null : r.GetProperty("level").GetString() == level));
        Assert.Equal(treatment, actual.Level);
        Near(row.GetProperty("before").GetDouble(), actual.Before);
        Near(row.GetProperty("after").GetDouble(), actual.After);
        Close(row.GetProperty("meanAfter"), actual.MeanAfter, 1e-6);
        Close(row.GetProperty("referenceMeanAfter"), actual.ReferenceMeanAfter, 1e-6);
    }

    private static void Curves(JsonElement expected, IReadOnlyList<Stats.Survival.KaplanMeierCurve> curves, double[] times)
    {
        foreach (var arm in expected.EnumerateObject())
        {
            var curve = curves.Single(c => c.Level == arm.Name);
            for (var i = 0; i < times.Length; i++)
            {
                var point = Execution.FixedTimeAnalysis.At(curve, times[i]);
                Close(arm.Value.GetProperty("surv")[i], point.Survival, 1e-6);
                Close(arm.Value.GetProperty("lower")[i], point.Lower, 1e-6);
                Close(arm.Value.GetProperty("upper")[i], point.Upper, 1e-6);
            }
        }
    }

    private static void Cox<TX>(JsonElement expected, WeightingResult<TX> weighting, string row, Dsl.Estimate estimate) where TX : notnull
    {
        var r = expected.GetProperty("rows").GetProperty(row);
        Close(r.GetProperty("hr"), estimate.HazardRatio, 1e-6);
        Close(r.GetProperty("lower"), estimate.Lower, 1e-6);
        Close(r.GetProperty("upper"), estimate.Upper, 1e-6);
        Close(r.GetProperty("p"), estimate.P, 1e-5);
        var cox = weighting.Cox!;
        Assert.Equal(expected.GetProperty("n").GetInt32(), cox.N);
        Assert.Equal(expected.GetProperty("events").GetInt32(), cox.Events);
        var term = cox.Terms.Single(t => t.Level == estimate.Level);
        Close(r.GetProperty("se"), term.StdErr, 1e-6);
        var index = cox.Terms.ToList().IndexOf(term);
        Close(expected.GetProperty("naive_se")[index], Math.Sqrt(cox.NaiveVariance![index * cox.Terms.Count + index]), 1e-6);
        Assert.Equal(TestKind.RobustScore, weighting.RobustScore!.Kind);
        Close(expected.GetProperty("rscore").GetProperty("chisq"), weighting.RobustScore.ChiSquare, 1e-6);
        Assert.Equal(expected.GetProperty("rscore").GetProperty("df").GetInt32(), weighting.RobustScore.Df);
        Close(expected.GetProperty("rscore").GetProperty("p"), weighting.RobustScore.P, 1e-5);
    }

    private static void EValues(JsonElement expected, EValues actual, bool common)
    {
        Close(expected.GetProperty("rare").GetProperty("point"), actual.Rare.Point, 1e-6);
        Close(expected.GetProperty("rare").GetProperty("ci"), actual.Rare.ConfidenceLimit, 1e-6);
        Close(expected.GetProperty("common").GetProperty("point"), actual.Common.Point, 1e-6);
        Close(expected.GetProperty("common").GetProperty("ci"), actual.Common.ConfidenceLimit, 1e-6);
        Close(expected.GetProperty("chosen").GetProperty("point"), actual.For(common).Point, 1e-6);
    }

    private static void Standardised(JsonElement expected, IReadOnlyList<AdjustedLevel> levels, double[] times)
    {
        var curves = expected.GetProperty("curves");
        for (var l = 0; l < levels.Count; l++)
        {
            var curve = levels[l].Curve!;
            for (var i = 0; i < times.Length; i++) Close(curves[l].GetProperty("at")[i], curve.AtTimes[i], 1e-6);
            Close(curves[l].GetProperty("rmst"), curve.Rmst, 1e-6);
        }
        // Effects level by level (each non-reference level: S at each time, then the RMST), with bootstrap limits.
        var k = 0;
        foreach (var level in levels.Skip(1))
        {
            foreach (var time in times) Effect(expected, k++, level[time]!);
            Effect(expected, k++, level.Rmst!);
        }
    }

    private static void Effect(JsonElement expected, int k, Stats.Survival.Standardization.AdjustedEffect actual)
    {
        Close(expected.GetProperty("effects")[k], actual.Estimate, 1e-6);
        Close(expected.GetProperty("lower")[k], actual.Lower, 1e-6);
        Close(expected.GetProperty("upper")[k], actual.Upper, 1e-6);
        Close(expected.GetProperty("se")[k], actual.StdErr, 1e-6);
    }

    private static void Near(double expected, double? actual)
    {
        Assert.True(actual is not null, $"R has {expected:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"R {expected:R}, Pnen {actual:R}");
    }

    private static void Close(JsonElement expected, double? actual, double relative) => Close(expected.GetDouble(), actual, relative);

    private static void Close(double expected, double? actual, double relative)
    {
        Assert.True(actual is not null, $"R has {expected:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - expected) <= relative * Math.Max(Math.Abs(expected), 1e-12), $"R {expected:R}, Pnen {actual:R}");
    }
}
