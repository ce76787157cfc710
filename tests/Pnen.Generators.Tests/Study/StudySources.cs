namespace Pnen.Generators.Tests.Study;

/// <summary>The brief's patient as a codebook, and studies over it.</summary>
internal static class StudySources
{
    public const string Patient = """
        using Pnen.Dsl;

        namespace Cohorts;

        [Codebook]
        public partial record Patient
        {
            [Id] public required string Id { get; init; }
            [Label("Gender")] public required Sex Sex { get; init; }
            [Label("Age, y"), Unit("years"), Range(18, 100)] public required double Age { get; init; }
            [Label("Maximum diameter of HM"), Unit("mm"), Range(1, 200)] public double? HmDiameter { get; init; }
            [Label("Pathological grading")] public Grade? Grade { get; init; }
            [Label("Primary tumour location")] public required Location Location { get; init; }
            [Label("Surgical treatment")] public required Surgery Surgery { get; init; }
            public required bool Metachronous { get; init; }
            public required bool ExtrahepaticMets { get; init; }
            public bool? Diabetes { get; init; }
            [SurvivalTime(Unit = "months")] public required double OsMonths { get; init; }
            [Event] public required bool Died { get; init; }
        }

        public enum Sex { Male, Female }
        public enum Grade { G1, G2, G3, NEC }
        public enum Location { HeadNeck, BodyTail }
        public enum Surgery { [Label("No resection")] NR, [Label("Primary resection")] PR, [Label("Primary + hepatic resection")] PHR }
        """;

    /// <summary>The paper's plan: flow, exposure, cuts, baseline table, crude, adjusted (every term form) and screened
    /// models, survival at fixed times, restricted means, subgroups, an analysis within an arm.</summary>
    public const string Surgery = """
        using Pnen.Dsl;

        namespace Cohorts;

        [Study("pNEN-sHM surgery", EmbeddedData = "cohort.csv")]
        public static partial class PnenSurgeryStudy
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>("pNEN-sHM surgery")
                .Survival(p => p.OsMonths, p => p.Died)
                .Flow(f => f.Exclude("Metachronous hepatic metastasis", p => p.Metachronous)
                            .Exclude("Unknown pathological grade", p => p.Grade is null))
                .Exposure(p => p.Surgery, reference: Surgery.NR)
                .Characteristic(p => p.Sex)
                .Characteristic(p => p.Age.Below(60, "<60", ">=60"), label: "Age, y")
                .Characteristic(p => p.HmDiameter.AtMost(40, "<=40 mm", ">40 mm"))
                .Characteristic(p => p.Grade, reference: Grade.G1)
                .Characteristic(p => p.Diabetes)
                .BaselineTable(by: p => p.Surgery)
                .Univariate()
                .Model("Crude", Cox.Efron)
                .Model("Adjusted", Cox.Efron, m => m
                    .Adjust(p => p.Age.PerUnit(10), p => p.Sex, p => p.Grade.WithReference(Grade.G1))
                    .Spline(p => p.HmDiameter, df: 3)
                    .Interaction(p => p.Surgery, p => p.Sex)
                    .Stratify(p => p.Location))
        #pragma warning disable PNEN048 // the paper's way, kept for reproduction
                .Model("Screened", Cox.Efron, m => m.Screen(Screen.AtMost(0.15)))
        #pragma warning restore PNEN048
                .SurvivalAt(12, 36, 60)
                .RestrictedMean(60)
                .Subgroup("bt-pNET-sHM", p => p.Grade != Grade.NEC && p.Location == Location.BodyTail,
                    s => s.Exclude("Extrahepatic metastasis", p => p.ExtrahepaticMets))
                .Subgroup("pNEC-sHM", p => p.Grade == Grade.NEC)
                .Subgroup("2nd look: older", p => p.Age >= 60)
                .WithinSelection("PHR arm", p => p.Surgery == Surgery.PHR,
                    e => e.Effect(p => p.HmDiameter.AtMost(40, "<=40 mm", ">40 mm"), label: "HM diameter"));
        }
        """;

    /// <summary>The plan against confounding by indication: a model, propensity-score weighting (every kind of
    /// covariate: a number, an enum, a cut, a computed bool) and adjusted curves from the model.</summary>
    public const string Weighted = """
        using Pnen.Dsl;

        namespace Cohorts;

        [Study("Weighted surgery")]
        public static partial class WeightedStudy
        {
            public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>("Weighted surgery")
                .Survival(p => p.OsMonths, p => p.Died)
                .Exposure(p => p.Surgery, reference: Surgery.NR)
                .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Age, p => p.Sex, p => p.Grade))
                .Weighting(w => w
                    .Ate(p => p.Age, p => p.Sex, p => p.Grade, p => p.HmDiameter.AtMost(40, "<=40 mm", ">40 mm"),
                         p => (p.Location == Location.HeadNeck).As("Head/neck primary"))
                    .Stabilized()
                    .Truncate(0.01, 0.99))
                .AdjustedCurves(c => c.Model("Adjusted").SurvivalAt(12, 36, 60).RestrictedMean(60).Bootstrap(200, seed: 20250101))
                .Subgroup("Body/tail", p => p.Location == Location.BodyTail);
        }
        """;

    /// <summary>An internal study in the global namespace: a yes/no exposure, a prespecified model, no subgroup.</summary>
    public const string GlobalInternal = """
        using Pnen.Dsl;
        using Cohorts;

        [Study("Extrahepatic disease")]
        internal static partial class ExtrahepaticStudy
        {
            internal static StudyPlan<Patient, bool> Plan { get; } = Study.Of<Patient>()
                .Survival(p => p.OsMonths, p => p.Died)
                .Exposure(p => p.ExtrahepaticMets, reference: false)
                .Characteristic(p => p.Sex)
                .Characteristic(p => p.Age.Below(65, "<65", ">=65"), label: "Age group")
                .Model("Adjusted", Cox.Breslow, m => m.Adjust(p => p.Sex, p => p.Age.Below(65, "<65", ">=65")));
        }
        """;
}
