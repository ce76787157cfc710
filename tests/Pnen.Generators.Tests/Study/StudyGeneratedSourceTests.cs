using Microsoft.CodeAnalysis;
using Pnen.Testing;

namespace Pnen.Generators.Tests.Study;

/// <summary>The generated source of representative studies, reviewed once and then held still; each
/// must compile without a warning together with the code that uses it.</summary>
public sealed class StudyGeneratedSourceTests
{
    /// <summary>What a user writes against the generated API; it must compile as it is.</summary>
    private const string Usage = """
        using Cohorts;

        internal static class Usage
        {
            public static double? Typed(string path)
            {
                PnenSurgeryStudyResult result = PnenSurgeryStudy.Execute(path);
                var bt = result.Subgroups.BtPnetShm;
                var nec = result.Subgroups.PnecShm;
                var older = result.Subgroups._2ndLookOlder;
                var adjusted = result.Cohort.Models.Adjusted;
                return bt.Models.Screened[Surgery.PHR].HazardRatio
                    ?? nec.Models.Crude[Surgery.PR].HazardRatio
                    ?? adjusted.Age.HazardRatio ?? adjusted.Sex[Sex.Female].P ?? adjusted.Grade[Grade.NEC].Upper
                    ?? adjusted.HmDiameter.Nonlinearity?.P ?? adjusted.SurgeryBySex.P
                    ?? result.Cohort.Characteristics.Grade[Grade.G3].HazardRatio?.HazardRatio ?? result.Cohort.Characteristics.Diabetes[true].Survival?.Median
                    ?? bt.Characteristics.Age.LogRank?.P ?? bt.Characteristics.HmDiameter.Low.Survival?.Median
                    ?? result.Cohort.SurvivalAt[Surgery.PR][36].Survival ?? result.Cohort.RestrictedMean[Surgery.PHR].Difference?.P
                    ?? bt.Interaction?.P ?? result.Cohort.Selections.PhrArm.HmDiameter.Low.HazardRatio?.P
                    ?? older.N + result.Flow.Final + result.Cohort.N;
            }

            public static async System.Threading.Tasks.Task<int> Main(string[] args) => await PnenSurgeryStudy.RunAsync(args);
        }
        """;

    [Fact]
    public void PnenSurgery() => Check("Cohorts.PnenSurgeryStudy.Study.g.cs", StudySources.Surgery, Usage);

    /// <summary>The typed results of weighting and adjusted curves, as a user reads them.</summary>
    private const string WeightedUsage = """
        using Cohorts;

        internal static class Usage
        {
            public static double? Typed(string path)
            {
                var result = WeightedStudy.Execute(path);
                var balance = result.Cohort.Weighting.Balance;
                return balance.Age.After ?? balance.Age[Surgery.PHR].Before ?? balance.Sex[Sex.Female][Surgery.PR].After
                    ?? balance.Grade[Grade.NEC].After ?? balance.HmDiameter.High[Surgery.PHR].After ?? balance.HeadNeckPrimary[true].Before
                    ?? result.Cohort.Weighting[Surgery.PHR].HazardRatio ?? result.Cohort.Weighting.Result.RobustScore?.P
                    ?? result.Cohort.Weighting[Surgery.PHR].EValue?.Common.Point
                    ?? result.Cohort.AdjustedCurves[Surgery.PHR][36]?.Estimate ?? result.Cohort.AdjustedCurves[Surgery.PR].Rmst?.Lower
                    ?? result.Subgroups.BodyTail.Weighting.Balance.Age.After ?? result.Cohort.Models.Adjusted[Surgery.PHR].EValue?.Rare.ConfidenceLimit;
            }
        }
        """;

    [Fact]
    public void Weighted() => Check("Cohorts.WeightedStudy.Study.g.cs", StudySources.Weighted, WeightedUsage);

    [Fact]
    public void GlobalInternal() => Check("ExtrahepaticStudy.Study.g.cs", StudySources.GlobalInternal);

    [Fact]
    public void OutputIsTheSameOnEveryRun()
    {
        var first = StudyCompiler.Generate(StudySources.Patient, StudySources.Surgery).Run.GeneratedSources.Single().SourceText.ToString();
        var second = StudyCompiler.Generate(StudySources.Patient, StudySources.Surgery).Run.GeneratedSources.Single().SourceText.ToString();
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    [Fact]
    public void APlanInAnotherFileOfThePartialClassIsRead()
    {
        const string attribute = """
            namespace Cohorts;
            [Pnen.Dsl.Study("split")] public static partial class Split { }
            """;
        const string plan = """
            using Pnen.Dsl;
            namespace Cohorts;
            public static partial class Split
            {
                public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                    .Survival(p => p.OsMonths, p => p.Died)
                    .Exposure(p => p.Surgery, Surgery.NR)
                    .Subgroup("Women", p => p.Sex == Sex.Female);
            }
            """;
        var (run, output) = StudyCompiler.Generate(StudySources.Patient, attribute, plan);
        Assert.Contains("Women = new global::Cohorts.SplitCohort(study.Subgroup(\"Women\"));", Assert.Single(run.GeneratedSources).SourceText.ToString());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void NoStudyAttributeNoOutput()
    {
        var (run, _) = StudyCompiler.Generate(StudySources.Patient, "public static partial class Plain { }");
        Assert.Empty(run.GeneratedSources);
    }

    private static void Check(string hintName, string study, string? usage = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var sources = usage is null ? new[] { StudySources.Patient, study } : [StudySources.Patient, study, usage];
        var (run, output) = StudyCompiler.Generate(sources);
        Assert.Null(run.Exception);
        var generated = Assert.Single(run.GeneratedSources);
        Assert.Equal(hintName, generated.HintName);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems));
        Snapshot.Match(generated.SourceText.ToString(), extension: "cs", test: test);
    }
}
