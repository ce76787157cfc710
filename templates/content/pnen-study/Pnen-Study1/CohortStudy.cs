using Pnen.Dsl;

namespace Pnen_Study1;

/// <summary>
/// The analysis plan. Every variable is reached through a typed lambda, so a misspelt name is a
/// compile error, and the Pnen analyzers report plan mistakes the compiler cannot see (PNEN0xx).
/// The generator adds Execute (run the plan on data), RunAsync (the program: options, data, report)
/// and typed results: CohortStudy.Execute(data).Cohort.Models.Adjusted[Treatment.Test].HazardRatio,
/// .Cohort.Characteristics.CellType.LogRank.P, .Subgroups.RandomisedEarly.SurvivalAt[Treatment.Test][180].
/// EmbeddedData names the sample file built into the program; `dotnet run -- --data my.csv` uses yours.
/// </summary>
[Study("Veterans' lung cancer trial", EmbeddedData = "veteran.csv")]
public static partial class CohortStudy
{
    public static StudyPlan<Patient, Treatment> Plan => Study.Of<Patient>("Veterans' lung cancer trial: survival by treatment")
        .Population("Veterans with advanced inoperable lung cancer, randomised")
        .Survival(p => p.Days, p => p.Died)
        .Exclude("Diagnosed more than 24 months before randomisation", p => p.MonthsFromDiagnosis > 24)
        .Exposure(p => p.Treatment, reference: Treatment.Standard)
        .Characteristic(p => p.CellType)
        .Characteristic(p => p.Karnofsky.AtMost(50, "≤50", ">50"), label: "Karnofsky score")
        .Characteristic(p => p.Age.Below(60, "<60", "≥60"), label: "Age, y")
        .Characteristic(p => p.PriorTherapy)
        .BaselineTable()
        .Univariate()
        // Models chosen in advance: the treatment alone, then adjusted for cell type, age per 10
        // years, prior therapy, and the Karnofsky score as a natural spline (R's ns, 3 df).
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m
            .Adjust(p => p.CellType, p => p.Age.PerUnit(10), p => p.PriorTherapy)
            .Spline(p => p.Karnofsky, df: 3))
        .SurvivalAt(90, 180, 365)
        .RestrictedMean(365)
        .Subgroup("Randomised early", p => p.MonthsFromDiagnosis <= 6, description: "within 6 months of diagnosis")
        .Subgroup("Randomised late", p => p.MonthsFromDiagnosis > 6, description: "7 to 24 months after diagnosis");
}
