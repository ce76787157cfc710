using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pnen.Generators.Study;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Study;

/// <summary>
/// One test (or more) per study diagnostic: the analyzer reports that ID, and only it, at the marked
/// place, on a snippet that otherwise compiles cleanly with the generated code; and the generator
/// emits nothing exactly for the class-level errors (PNEN020-PNEN023).
/// </summary>
public sealed class StudyDiagnosticTests
{
    private const string Outcome = ".Survival(p => p.OsMonths, p => p.Died)";
    private const string Exposure = ".Exposure(p => p.Surgery, reference: Surgery.NR)";

    [Fact]
    public Task PNEN020_NotPartial() => Expect("PNEN020", """
        [Study("s")]
        public static class [|S|] { public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR); }
        """, generates: false);

    [Fact]
    public Task PNEN020_NotStatic() => Expect("PNEN020", """
        [Study("s")]
        public partial class [|S|] { public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR); }
        """, generates: false);

    [Fact]
    public Task PNEN020_Record() => Expect("PNEN020", """
        [Study("s")]
        public partial record [|S|] { public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR); }
        """, generates: false);

    [Fact]
    public Task PNEN021_Nested() => Expect("PNEN021", """
        public static partial class Outer
        {
            [Study("s")]
            public static partial class [|S|] { public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR); }
        }
        """, generates: false);

    [Fact]
    public Task PNEN021_Generic() => Expect("PNEN021", """
        [Study("s")]
        public static partial class [|S|]<T> { public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR); }
        """, generates: false);

    [Fact]
    public Task PNEN022_NoPlan() => Expect("PNEN022", """
        [Study("s")]
        public static partial class [|S|] { }
        """, generates: false);

    [Fact]
    public Task PNEN022_PlanIsAField() => Expect("PNEN022", """
        [Study("s")]
        public static partial class [|S|] { public static readonly StudyPlan<Patient, Surgery> Plan = Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR); }
        """, generates: false);

    [Fact]
    public Task PNEN023_PlanWithoutExposure() => Expect("PNEN023", """
        [Study("s")]
        public static partial class S { public static [|StudyPlan<Patient>|] Plan => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died); }
        """, generates: false);

    [Fact]
    public Task PNEN024_ExposureIsANumber() => Expect("PNEN024", Study("double", $"{Outcome}.Exposure([|p => p.Age|], reference: 60.0)"));

    [Fact]
    public Task PNEN024_ExposureIsNullable() => Expect("PNEN024", Study("Grade?", $"{Outcome}.Exposure([|p => p.Grade|], reference: Grade.G1)"),
        tolerated: "CS8714"); // the compiler sees the nullable too, through Exposure's notnull constraint, but only warns

    [Fact]
    public Task PNEN025_GroupingIsANumber() => Expect("PNEN025", Plan(".BaselineTable(by: [|p => p.Age|])"));

    [Fact]
    public Task PNEN026_DuplicateSubgroup() => Expect("PNEN026", Plan("""
        .Subgroup("Older", p => p.Age >= 65)
        .Subgroup([|"Older"|], p => p.Age >= 70)
        """));

    [Fact]
    public Task PNEN027_DuplicateExclusionAcrossExcludeAndFlow() => Expect("PNEN027", """
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                .Survival(p => p.OsMonths, p => p.Died)
                .Exclude("Metachronous", p => p.Metachronous)
                .Flow(f => f.Exclude("Unknown grade", p => p.Grade is null).Exclude([|"Metachronous"|], p => p.Metachronous))
                .Exposure(p => p.Surgery, Surgery.NR);
        }
        """);

    [Fact]
    public Task PNEN027_DuplicateExclusionInASubgroup() => Expect("PNEN027", Plan("""
        .Subgroup("Body/tail", p => p.Location == Location.BodyTail,
            s => s.Exclude("Extrahepatic", p => p.ExtrahepaticMets).Exclude([|"Extrahepatic"|], p => p.Diabetes == true))
        """));

    [Fact]
    public Task PNEN028_DuplicateSelection() => Expect("PNEN028", Plan("""
        .WithinSelection("PHR", p => p.Surgery == Surgery.PHR, e => e.Effect(p => p.Sex))
        .WithinSelection([|"PHR"|], p => p.Surgery == Surgery.PHR, e => e.Effect(p => p.Grade))
        """));

    [Fact]
    public Task PNEN028_DuplicateSelectionInASubgroup() => Expect("PNEN028", Plan("""
        .Subgroup("Older", p => p.Age >= 65, s => s
            .WithinSelection("PHR", p => p.Surgery == Surgery.PHR, e => e.Effect(p => p.Sex))
            .WithinSelection([|"PHR"|], p => p.Surgery == Surgery.PHR, e => e.Effect(p => p.Grade)))
        """));

    [Theory]
    [InlineData("p => p.Surgery == Surgery.NR")]
    [InlineData("p => Surgery.NR == p.Surgery")]
    [InlineData("p => p.Surgery is Surgery.NR")]
    [InlineData("p => !(p.Surgery != Surgery.NR)")]
    [InlineData("p => p.Surgery != Surgery.PR && p.Surgery != Surgery.PHR")]
    [InlineData("p => p.Surgery is Surgery.NR or Surgery.PR")]
    [InlineData("p => p.Surgery is not Surgery.PHR")]
    [InlineData("p => p.Surgery < Surgery.PR")]
    [InlineData("p => p.Surgery == Surgery.NR || p.Age > 80")]
    [InlineData("p => { return (p.Surgery == Surgery.NR); }")]
    public Task PNEN029_ExposureReferenceExcluded(string excluded) => Expect("PNEN029", $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                .Survival(p => p.OsMonths, p => p.Died)
                .Exclude("Not resected", {{excluded}})
                .Exposure(p => p.Surgery, reference: [|Surgery.NR|]);
        }
        """);

    [Theory]
    [InlineData("p => p.Surgery != Surgery.NR")]
    [InlineData("p => p.Surgery == Surgery.NR && p.Age > 80")]
    [InlineData("p => p.Surgery == Surgery.PR")]
    [InlineData("p => p.Age > 80")]
    public async Task PNEN029_NotWhenTheReferenceSurvives(string excluded)
    {
        var diagnostics = await StudyCompiler.AnalyzeAsync(Source(Plan($".Exclude(\"Some\", {excluded})").Replace("[|", "").Replace("|]", "")), StudySources.Patient);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task PNEN029_ExposureReferenceExcludedInASubgroup() => Expect("PNEN029", $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                {{Outcome}}
                .Exposure(p => p.Surgery, [|Surgery.NR|])
                .Subgroup("Resected", p => p.Age > 0, s => s.Exclude("No resection", p => p.Surgery is Surgery.NR));
        }
        """);

    [Fact]
    public Task PNEN029_ExposureReferenceNotSelectedByASubgroup() => Expect("PNEN029", $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                {{Outcome}}
                .Exposure(p => p.Surgery, [|Surgery.NR|])
                .Subgroup("Resected", p => p.Surgery != Surgery.NR);
        }
        """);

    [Fact]
    public Task PNEN029_CharacteristicReferenceExcluded() => Expect("PNEN029", $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                {{Outcome}}
                .Exclude("Grade 1", p => p.Grade == Grade.G1)
                {{Exposure}}
                .Characteristic(p => p.Grade, reference: [|Grade.G1|]);
        }
        """);

    [Fact]
    public Task PNEN029_DefaultCharacteristicReferenceExcluded() => Expect("PNEN029", $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                {{Outcome}}
                .Exclude("Men", p => p.Sex is Sex.Male)
                {{Exposure}}
                .Characteristic([|p => p.Sex|]);
        }
        """);

    [Fact]
    public Task PNEN029_YesNoReferenceExcluded() => Expect("PNEN029", $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, bool> Plan => Study.Of<Patient>()
                {{Outcome}}
                .Exclude("Without extrahepatic metastasis", p => !p.ExtrahepaticMets)
                .Exposure(p => p.ExtrahepaticMets, reference: [|false|]);
        }
        """);

    [Theory]
    [InlineData("p.Age.Below([|120|], \"<120\", \">=120\")")]
    [InlineData("p.Age.AtMost([|100|], \"<=100\", \">100\")")]
    [InlineData("p.Age.Below([|18|], \"<18\", \">=18\")")]
    [InlineData("p.Age.AtMost([|10.5|], \"<=10.5\", \">10.5\")")]
    [InlineData("p.HmDiameter.AtMost([|250|], \"small\", \"large\")")]
    public Task PNEN030_CutOutsideRange(string cut) => Expect("PNEN030", Plan($".Characteristic(p => {cut}, label: \"Cut\")"));

    [Fact]
    public Task PNEN030_CutOfAnEffectOutsideRange() => Expect("PNEN030", Plan("""
        .WithinSelection("PHR", p => p.Surgery == Surgery.PHR, e => e.Effect(p => p.HmDiameter.AtMost([|0|], "none", "some")))
        """));

    [Theory]
    [InlineData("p.Age.Below(100, \"<100\", \">=100\")")]
    [InlineData("p.Age.AtMost(18, \"18\", \">18\")")]
    [InlineData("p.OsMonths.Below(1000, \"short\", \"long\")")]
    public async Task PNEN030_NotInsideTheRange(string cut)
    {
        var diagnostics = await StudyCompiler.AnalyzeAsync(Source(Plan($".Characteristic(p => {cut}, label: \"Cut\")").Replace("[|", "").Replace("|]", "")), StudySources.Patient);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData(".Exclude(\"Recent\", p => p.OsMonths > [|DateTime.Now|].Month)")]
    [InlineData(".Exclude(\"Recent\", p => p.OsMonths > [|DateTime.UtcNow|].Month)")]
    [InlineData(".Exclude(\"Recent\", p => p.OsMonths > [|System.DateTime.Today|].Day)")]
    [InlineData(".Exclude(\"Recent\", p => p.OsMonths > [|DateTimeOffset.Now|].Month)")]
    [InlineData(".Exclude(\"Recent\", p => p.OsMonths > [|DateTimeOffset.UtcNow|].Month)")]
    [InlineData(".Exclude(\"Sample\", p => [|Random.Shared|].Next(2) == 0)")]
    [InlineData(".Exclude(\"Sample\", p => [|new Random(42)|].Next(2) == 0)")]
    [InlineData(".Exclude(\"Sample\", p => [|Guid.NewGuid|]().GetHashCode() % 2 == 0)")]
    [InlineData(".Exclude(\"Site\", p => [|Environment.GetEnvironmentVariable|](\"SITE\") == \"A\")")]
    [InlineData(".Exclude(\"Site\", p => [|Environment.ProcessorCount|] > 4)")]
    [InlineData(".Exclude(\"Listed\", p => [|System.IO.File.Exists|](p.Id))")]
    [InlineData(".Exclude(\"Listed\", p => [|System.IO.Directory.Exists|](p.Id))")]
    [InlineData(".Exclude(\"Listed\", p => [|System.IO.Path.GetTempPath|]().Length > 3)")]
    [InlineData(".Exclude(\"Slow\", p => [|System.Diagnostics.Stopwatch.GetTimestamp|]() % 2 == 0)")]
    [InlineData(".Exclude(\"Late\", p => [|TimeProvider.System|].GetUtcNow().Hour > 12)")]
    [InlineData(".Exclude(\"Self\", p => [|System.Diagnostics.Process.GetCurrentProcess|]().Id % 2 == 0)")]
    [InlineData(".Subgroup(\"Random half\", p => [|Random.Shared|].NextDouble() < 0.5)")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Age > [|Random.Shared|].NextDouble() * 100))")]
    public Task PNEN031_NonDeterministicCall(string step) => Expect("PNEN031", Plan(step));

    [Fact]
    public Task PNEN032_SecondOutcome() => Expect("PNEN032", """
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                .Survival(p => p.OsMonths, p => p.Died)
                .Exposure(p => p.Surgery, Surgery.NR)
                .[|Survival|](p => p.OsMonths, p => p.Died);
        }
        """);

    [Fact]
    public Task PNEN033_NoOutcome() => Expect("PNEN033", """
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> [|Plan|] => Study.Of<Patient>().Exposure(p => p.Surgery, Surgery.NR);
        }
        """);

    [Fact]
    public Task PNEN035_SubgroupNameNotConstant() => Expect("PNEN035", Plan(
        """.Subgroup([|"Older than " + Limit|], p => p.Age >= 65)""",
        "private static string Limit => \"65\";"));

    [Fact]
    public Task PNEN036_SubgroupPropertyCollision() => Expect("PNEN036", Plan("""
        .Subgroup("bt-pNET", p => p.Location == Location.BodyTail)
        .Subgroup([|"BT pnet"|], p => p.Location == Location.BodyTail && p.Age > 60)
        """));

    [Fact]
    public Task PNEN036_SubgroupPropertyHidesAnObjectMember() => Expect("PNEN036", Plan("""
        .Subgroup([|"to-string"|], p => p.Age > 60)
        """));

    [Fact]
    public Task PNEN037_SubgroupPropertyEmpty() => Expect("PNEN037", Plan("""
        .Subgroup([|"--"|], p => p.Age > 60)
        """));

    [Fact]
    public Task PNEN038_ForeignStep() => Expect("PNEN038", Plan(
        ".[|Standard|]()",
        "",
        "public static class PlanExtensions { public static StudyPlan<Patient, Surgery> Standard(this StudyPlan<Patient, Surgery> plan) => plan; }"),
        generates: true, severity: DiagnosticSeverity.Warning);

    [Fact]
    public Task PNEN038_PlanNotFromStudyOf() => Expect("PNEN038", """
        [Study("s")]
        public static partial class S
        {
            private static StudyPlan<Patient, Surgery> Base => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR);

            public static StudyPlan<Patient, Surgery> Plan => [|Base|].Subgroup("Older", p => p.Age >= 65);
        }
        """, generates: true, severity: DiagnosticSeverity.Warning);

    [Fact]
    public Task PNEN038_PlanIsAConditional() => Expect("PNEN038", """
        [Study("s")]
        public static partial class S
        {
            private static bool Full => true;

            private static StudyPlan<Patient, Surgery> Base => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR);

            public static StudyPlan<Patient, Surgery> Plan => [|Full ? Base.Subgroup("Older", p => p.Age >= 65) : Base|];
        }
        """, generates: true, severity: DiagnosticSeverity.Warning);

    [Fact]
    public Task PNEN038_PlanFromAHelper() => Expect("PNEN038", """
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Helpers.[|Make|]().Subgroup("Older", p => p.Age >= 65);
        }

        public static class Helpers
        {
            public static StudyPlan<Patient, Surgery> Make() => Study.Of<Patient>().Survival(p => p.OsMonths, p => p.Died).Exposure(p => p.Surgery, Surgery.NR);
        }
        """, generates: true, severity: DiagnosticSeverity.Warning);

    [Fact]
    public Task PNEN039_DuplicateCharacteristicLabel() => Expect("PNEN039", Plan("""
        .Characteristic(p => p.Sex, label: "Age")
        .Characteristic([|p => p.Age.Below(60, "<60", ">=60")|], label: "Age")
        """));

    [Fact]
    public Task PNEN039_CharacteristicLabelledAsTheExposure() => Expect("PNEN039", Plan("""
        .Characteristic([|p => p.Grade|], label: "Surgical treatment")
        """));

    [Fact]
    public async Task TheRepresentativeStudiesHaveNoDiagnostic()
    {
        Assert.Empty(await StudyCompiler.AnalyzeAsync(StudySources.Surgery, StudySources.Patient));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(StudySources.GlobalInternal, StudySources.Patient));
    }

    [Fact]
    public Task PNEN040_DuplicateModel() => Expect("PNEN040", Plan("""
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Sex))
        .Model([|"Adjusted"|], Cox.Breslow)
        """));

    [Fact]
    public Task PNEN041_AdjustForExposure() => Expect("PNEN041", Plan("""
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Sex, [|p => p.Surgery|]))
        """));

    [Theory]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Age).Spline([|p => p.Age|], df: 3))")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Age.PerUnit(10), [|p => p.Age|]))")]
    public Task PNEN042_DuplicateModelTerm(string step) => Expect("PNEN042", Plan(step));

    [Theory]
    [InlineData(".Stratify([|p => p.Age|])")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Sex).Stratify([|p => p.HmDiameter|]))")]
    public Task PNEN043_StrataNotCategorical(string step) => Expect("PNEN043", Plan(step));

    [Theory]
    [InlineData(".Stratify([|p => p.Surgery|])")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Stratify([|p => p.Surgery|]))")]
    public Task PNEN044_StratifyByExposure(string step) => Expect("PNEN044", Plan(step));

    [Fact]
    public Task PNEN045_InteractionNotInModel() => Expect("PNEN045", Plan("""
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Age).Interaction(p => p.Surgery, [|p => p.Sex|]))
        """));

    [Theory]
    [InlineData("1")]
    [InlineData("11")]
    public Task PNEN046_SplineDf(string df) => Expect("PNEN046", Plan($".Model(\"Adjusted\", Cox.Efron, m => m.Spline(p => p.Age, df: [|{df}|]))"));

    [Fact]
    public Task PNEN047_ModelWithoutExposure() => Expect("PNEN047", Study("Surgery", """
        .Survival(p => p.OsMonths, p => p.Died)
        .[|Model|]("Crude", Cox.Efron)
        .Exposure(p => p.Surgery, Surgery.NR)
        """));

    [Fact]
    public Task PNEN048_ScreenedModel() => Expect("PNEN048", Plan("""
        .Characteristic(p => p.Sex)
        .Model("Screened", Cox.Efron, m => m.[|Screen|](Screen.AtMost(0.15)))
        """), severity: DiagnosticSeverity.Warning);

    [Theory]
    [InlineData("[|\"?!\"|]")]
    [InlineData("[|\"Adjusted \" + Suffix|]")]
    public Task PNEN049_ModelName(string name) => Expect("PNEN049", Plan($".Model({name}, Cox.Efron)", "private static string Suffix => \"model\";"));

    [Fact]
    public Task PNEN049_ModelNamesMakeOneProperty() => Expect("PNEN049", Plan("""
        .Model("Adjusted model", Cox.Efron)
        .Model([|"adjusted-model"|], Cox.Breslow)
        """));

    [Fact]
    public Task PNEN050_CharacteristicIdCollision() => Expect("PNEN050", Plan("""
        .Characteristic(p => p.Age.Below(60, "<60", ">=60"), label: "Age group")
        .Characteristic([|p => p.Age|], label: "Age, y")
        """));

    [Fact]
    public Task PNEN051_ValueNeedsName() => Expect("PNEN051", Plan("""
        .Model("Adjusted", Cox.Efron, m => m.Adjust([|p => p.Age / p.OsMonths|]))
        """));

    [Theory]
    [InlineData(".SurvivalAt(12, [|-1|])")]
    [InlineData(".SurvivalAt(12, 36, [|12|])")]
    [InlineData(".RestrictedMean([|0|])")]
    public Task PNEN052_InvalidTime(string step) => Expect("PNEN052", Plan(step));

    [Fact]
    public Task PNEN053_ScreenAndAdjust() => Expect("PNEN053", Plan("""
        .Model("Screened", Cox.Efron, m => m.Adjust(p => p.Sex).[|Screen|](Screen.AtMost(0.15)))
        """));

    [Theory]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Sex).[|Interaction|](p => p.Sex, p => p.Sex))")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Sex).Interaction(p => p.Surgery, p => p.Sex).[|Interaction|](p => p.Sex, p => p.Surgery))")]
    public Task PNEN054_InvalidInteraction(string step) => Expect("PNEN054", Plan(step));

    [Fact]
    public Task PNEN055_NotAVariable() => Expect("PNEN055", Plan("""
        .Model("Adjusted", Cox.Efron, m => m.Adjust([|p => p.Id|]))
        """));

    [Fact]
    public Task PNEN056_PerUnitNotPositive() => Expect("PNEN056", Plan("""
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Age.PerUnit([|0|])))
        """));

    [Theory]
    [InlineData(".Model(\"Penalised\", [|Cox.Efron|], m => m.Adjust(p => p.Sex).Firth())")]
    [InlineData(".Model(\"Penalised\", [|Pnen.Stats.Survival.Cox.CoxTies.Efron|], m => m.Firth())")]
    public Task PNEN057_FirthTies(string step) => Expect("PNEN057", Plan(step));

    [Theory]
    [InlineData(".Model(\"Penalised\", Cox.Breslow, m => m.Firth().Stratify([|p => p.Location|]))")]
    [InlineData(".Stratify(p => p.Location).Model(\"Penalised\", Cox.Breslow, m => m.[|Firth|]())")]
    [InlineData(".Model(\"Penalised\", Cox.Breslow, m => m.[|Firth|]()).Stratify(p => p.Location)")]
    public Task PNEN058_FirthStrata(string step) => Expect("PNEN058", Plan(step));

    [Theory]
    [InlineData(".Model(\"Penalised\", Cox.Breslow, m => m.Firth().Spline([|p => p.Age|], df: 3))")]
    [InlineData(".Model(\"Penalised\", Cox.Breslow, m => m.Firth().Adjust(p => p.Sex).[|Interaction|](p => p.Surgery, p => p.Sex))")]
    [InlineData(".Model(\"Penalised\", Cox.Breslow, m => m.Firth().[|Cluster|](p => p.Location))")]
    public Task PNEN059_FirthTerm(string step) => Expect("PNEN059", Plan(step));

    [Fact]
    public Task PNEN059_FirthWithATimeDependentExposure() => Expect("PNEN059", Study("Surgery", """
        .Survival(p => p.OsMonths, p => p.Died)
        .Exposure(p => p.Surgery, Surgery.NR, startsAt: p => p.Age)
        .Model("Penalised", Cox.Breslow, m => m.[|Firth|]())
        """));

    [Theory]
    [InlineData(".Model(\"Robust\", Cox.Efron, m => m.Cluster([|p => p.Age|]))")]
    [InlineData(".Model(\"Robust\", Cox.Efron, m => m.Cluster(p => p.Location).[|Cluster|](p => p.Grade))")]
    public Task PNEN060_InvalidCluster(string step) => Expect("PNEN060", Plan(step));

    [Fact]
    public async Task FirthAndClusterModelsThatFollowTheRulesAreClean()
    {
        var source = Source(Plan("""
            .Model("Penalised", Cox.Breslow, m => m.Adjust(p => p.Age.PerUnit(10), p => p.Sex).Firth())
            .Model("Robust", Cox.Efron, m => m.Adjust(p => p.Age).Cluster(p => p.Location).Stratify(p => p.Sex))
            .Model("Crude penalised", Pnen.Stats.Survival.Cox.CoxTies.Breslow, m => m.Firth())
            """).Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
    }

    [Theory]
    [InlineData(".Weighting(w => w.Ate(p => p.Age, [|p => p.Surgery|]))")]
    [InlineData(".AdjustedCurves(c => c.Adjust([|p => p.Surgery|]).SurvivalAt(12))")]
    public Task PNEN070_WeightingByExposure(string step) => Expect("PNEN070", Plan(step));

    [Fact]
    public Task PNEN071_AttWithoutFocal() => Expect("PNEN071", Plan(".Weighting(w => w.[|Att|](p => p.Age, p => p.Sex))"));

    [Theory]
    [InlineData(".Weighting(w => w.Ate(p => p.Age).Truncate([|0.5|], 0.99))")]
    [InlineData(".Weighting(w => w.Ate(p => p.Age).Truncate(0.01, [|1|]))")]
    [InlineData(".Weighting(w => w.Ate(p => p.Age).Truncate(0.01, [|Upper|]))")]
    public Task PNEN072_TruncationOutOfRange(string step) => Expect("PNEN072", Plan(step, "private static double Upper => 0.99;"));

    [Theory]
    [InlineData(".AdjustedCurves(c => c.Adjust(p => p.Age).SurvivalAt(12).[|Bootstrap|](200))")]
    [InlineData(".AdjustedCurves(c => c.Adjust(p => p.Age).SurvivalAt(12).[|Bootstrap|](200, seed: null))")]
    [InlineData(".AdjustedCurves(c => c.Adjust(p => p.Age).SurvivalAt(12).Bootstrap([|1|], seed: 7))")]
    public Task PNEN073_BootstrapNotDeterministic(string step) => Expect("PNEN073", Plan(step));

    [Fact]
    public Task PNEN074_AdjustedCurvesWithoutTimes() => Expect("PNEN074", Plan(".[|AdjustedCurves|](c => c.Adjust(p => p.Age).Bootstrap(200, seed: 1))"));

    [Theory]
    [InlineData(".AdjustedCurves(c => c.Model([|\"Adjusted\"|]).SurvivalAt(12))")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron, m => m.Adjust(p => p.Sex).Spline(p => p.Age, df: 3)).AdjustedCurves(c => c.Model([|\"Adjusted\"|]).SurvivalAt(12))")]
    [InlineData(".Model(\"Adjusted\", Cox.Efron).AdjustedCurves(c => c.Model([|\"Adjusted\"|]).Adjust(p => p.Age).SurvivalAt(12))")]
    [InlineData(".[|AdjustedCurves|](c => c.SurvivalAt(12))")]
    [InlineData(".AdjustedCurves(c => c.Adjust(p => p.Age).SurvivalAt(12)).[|AdjustedCurves|](c => c.Adjust(p => p.Sex).SurvivalAt(36))")]
    public Task PNEN075_AdjustedCurvesSource(string step) => Expect("PNEN075", Plan(step));

    [Theory]
    [InlineData(".[|Weighting|](w => w.Ate(p => p.Age))", "PNEN076")]
    [InlineData(".[|AdjustedCurves|](c => c.Adjust(p => p.Age).SurvivalAt(12))", "PNEN075")]
    public Task ATimeDependentExposureIsNeitherWeightedNorStandardised(string step, string id) =>
        Expect(id, Plan(step).Replace("reference: Surgery.NR)", "reference: Surgery.NR, startsAt: p => p.OsMonths / 2)", StringComparison.Ordinal));

    [Theory]
    [InlineData(".[|Weighting|](w => w.Stabilized())")]
    [InlineData(".Weighting(w => w.Ate(p => p.Age).[|Focal|](Surgery.PHR))")]
    [InlineData(".Weighting(w => w.Ate(p => p.Age, [|p => p.Age|]))")]
    [InlineData(".Weighting(w => w.Ate(p => p.Age)).[|Weighting|](w => w.Att(p => p.Sex).Focal(Surgery.PHR))")]
    public Task PNEN076_InvalidWeighting(string step) => Expect("PNEN076", Plan(step));

    [Fact]
    public async Task APlanAgainstConfoundingIsClean()
    {
        var source = Source(Plan("""
            .Stratify(p => p.Location)
            .Model("Adjusted", Cox.Breslow, m => m.Adjust(p => p.Age.PerUnit(10), p => p.Sex).Stratify(p => p.ExtrahepaticMets))
            .Weighting(w => w.Att(p => p.Age, p => p.Sex, p => p.HmDiameter.AtMost(40, "<=40", ">40"), p => (p.Diabetes == true).As("Diabetic")).Focal(Surgery.PHR).Truncate(0.05, 0.9))
            .AdjustedCurves(c => c.Model("Adjusted").RestrictedMean(60).Bootstrap(2, seed: 1))
            """).Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
    }

    [Fact]
    public async Task ATermNamedAsAModelMemberGetsNoPropertyAndHidesNothing()
    {
        var source = Source(Plan("""
            .Model("Adjusted", Cox.Efron, m => m.Adjust(p => Math.Log(p.Age).As("Concordance"), p => p.Sex))
            """).Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
        var (run, output) = StudyCompiler.Generate(source, StudySources.Patient);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var text = Assert.Single(run.GeneratedSources).SourceText.ToString();
        Assert.Contains("global::Pnen.Dsl.ModelConcordance? Concordance => Result.Concordance;", text);
        Assert.DoesNotContain("Concordance = result.", text);
        Assert.Contains("Sex = result.Categorical<", text);
    }

    [Fact]
    public Task PNEN080_LandmarkWithoutStart() => Expect("PNEN080", Plan(".Model(\"Crude\", Cox.Efron).[|Landmark|](6)"));

    [Fact]
    public Task PNEN081_RestrictedMeanOfTimeDependentExposure() => Expect("PNEN081", Study("Surgery", """
        .Survival(p => p.OsMonths, p => p.Died)
        .Exposure(p => p.Surgery, Surgery.NR, startsAt: p => p.HmDiameter)
        .RestrictedMean([|60|])
        """));

    [Fact]
    public Task PNEN082_StartDeclaredTwice() => Expect("PNEN082", Study("Surgery", """
        .Survival(p => p.OsMonths, p => p.Died)
        .Exposure(p => p.Surgery, Surgery.NR, startsAt: p => p.HmDiameter)
        .[|ImmortalTime|](p => p.Age)
        """));

    [Fact]
    public Task PNEN052_InvalidLandmark() => Expect("PNEN052", Plan(".ImmortalTime(p => p.HmDiameter).Landmark(6, [|0|])"));

    [Fact]
    public async Task AnImmortalTimeCheckWithLandmarksIsClean()
    {
        var source = Source(Plan(".Model(\"Crude\", Cox.Efron).SurvivalAt(12).RestrictedMean(60).ImmortalTime(p => p.HmDiameter).Landmark(3, 6)").Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
    }

    [Fact]
    public async Task AModelPlanWithEveryFormIsClean()
    {
        var source = Source(Plan("""
            .Stratify(p => p.Location)
            .Characteristic(p => p.Sex)
            .Characteristic(p => p.Age.Below(60, "<60", ">=60"), label: "Age group")
            .Characteristic(p => p.Age, label: "Age, y", name: "AgeYears")
            .Model("Crude", Cox.Efron)
            .Model("Adjusted", Cox.Efron, m => m
                .Adjust(p => p.Age.PerUnit(10), p => p.Sex, p => p.Grade.WithReference(Grade.G2), p => Math.Log(p.OsMonths + 1).As("log follow-up"))
                .Spline(p => p.HmDiameter, df: 3)
                .Interaction(p => p.Surgery, p => p.Sex)
                .Stratify(p => p.ExtrahepaticMets))
            .SurvivalAt(12, 36, 60)
            .RestrictedMean(60)
            """).Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
    }

    [Fact]
    public async Task TheExposureListedAsACharacteristicIsNotADuplicate()
    {
        var source = Source(Plan(".Characteristic(p => p.Surgery).Characteristic(p => p.Sex)").Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
    }

    [Theory]
    [InlineData(".Characteristic(p => p.Sexx)", "")]
    [InlineData(".Characteristic(p => p.Sex)", "p => p.Surgeryy")]
    [InlineData(".Characteristic(p => p.Sex).BaselineTable(by: p => p.Surgeryy)", "")]
    public async Task ATypoIsTheCompilersAloneAndKeepsTheGeneratedApi(string steps, string exposure)
    {
        var plan = Plan(steps + """

            .Subgroup("Older", p => p.Age >= 65)
            .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Sex))
            """);
        if (exposure.Length > 0) plan = plan.Replace("p => p.Surgery, reference", exposure + ", reference", StringComparison.Ordinal);
        var source = Source(plan.Replace("[|", "").Replace("|]", ""));
        Assert.Empty(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));

        var (run, output) = StudyCompiler.Generate(source, StudySources.Patient);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.Equal("CS1061", Assert.Single(errors).Id);
        Assert.Contains("public global::Cohorts.SCohort Older { get; }", Assert.Single(run.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public async Task ASubgroupInErrorLosesItsPropertyAndTheOthersKeepTheirs()
    {
        var source = Source(Plan("""
            .Subgroup("Older", p => p.Age >= 65)
            .Subgroup("Older", p => p.Age >= 70)
            .Subgroup("Women", p => p.Sex == Sex.Female)
            """).Replace("[|", "").Replace("|]", ""));
        var diagnostic = Assert.Single(await StudyCompiler.AnalyzeAsync(source, StudySources.Patient));
        Assert.Equal("PNEN026", diagnostic.Id);
        var text = Assert.Single(StudyCompiler.Generate(source, StudySources.Patient).Run.GeneratedSources).SourceText.ToString();
        Assert.Single(text.Split('\n'), l => l.Contains(" Older { get; }", StringComparison.Ordinal));
        Assert.Contains(" Women { get; }", text);
    }

    [Fact]
    public void TheCatalogAndTheReleaseFileAgree()
    {
        var ids = new StudyAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Distinct().Count(), ids.Length);
        Assert.All(ids, id => Assert.Matches("^PNEN0([2-9][0-9])$", id));
        var release = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Pnen.Generators", "AnalyzerReleases.Unshipped.md"));
        var tracked = release.Split('\n').Where(l => l.StartsWith("PNEN", StringComparison.Ordinal) && string.CompareOrdinal(l, "PNEN020") >= 0).Select(l => l[..7]).ToArray();
        Assert.Equal(ids.Order(), tracked.Order());
        var descriptors = new StudyAnalyzer().SupportedDiagnostics;
        Assert.All(descriptors, d => Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |", release));
    }

    /// <summary>A study class around a plan: outcome and exposure are declared, then <paramref name="steps"/>.</summary>
    private static string Plan(string steps, string members = "", string after = "") => $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>()
                {{Outcome}}
                {{Exposure}}
                {{steps}};
            {{members}}
        }
        {{after}}
        """;

    /// <summary>A study class whose exposure type is <paramref name="exposureType"/>, with the steps as given.</summary>
    private static string Study(string exposureType, string steps) => $$"""
        [Study("s")]
        public static partial class S
        {
            public static StudyPlan<Patient, {{exposureType}}> Plan => Study.Of<Patient>(){{steps}};
        }
        """;

    private const string Header = "using System;\nusing Pnen.Dsl;\n\nnamespace Cohorts;\n\n";

    private static string Source(string body) => Header + body;

    /// <param name="tolerated">A compiler diagnostic the snippet may also cause.</param>
    private static async Task Expect(string id, string markup, bool generates = true, DiagnosticSeverity severity = DiagnosticSeverity.Error, string? tolerated = null)
    {
        var (body, span) = Markup.Parse(markup);
        var source = Source(body);
        var diagnostics = await StudyCompiler.AnalyzeAsync(source, StudySources.Patient);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(new TextSpan(span.Start + Header.Length, span.Length), diagnostic.Location.SourceSpan);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

        // The mistake is one the compiler cannot see: the snippet (and what is generated for it) compiles cleanly.
        var (run, output) = StudyCompiler.Generate(source, StudySources.Patient);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != tolerated).Select(d => d.ToString()).ToArray();
        Assert.True(problems.Length == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(generates, run.GeneratedSources.Length == 1);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
