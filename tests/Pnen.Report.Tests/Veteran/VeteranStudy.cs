using Pnen.Dsl;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Report.Tests.Veteran;

/// <summary>
/// A study shaped like the paper's on the public veteran data: a four-level exposure, a flow with two
/// exclusions, three subgroups (so Figure 2 has panels A-D), one with an arm left empty (as the
/// paper's pNEC subgroup has no PHR patient), one with an exclusion of its own and a description;
/// a continuous characteristic, a baseline table with the automatic test choice, and an analysis
/// within one arm. It exercises the report's layout, not any published number.
/// </summary>
public static class VeteranStudy
{
    public static StudyPlan<VeteranPatient, CellType> Plan => Study.Of<VeteranPatient>("Veterans' lung cancer trial: survival by cell type")
        .Population("Veterans randomised in the trial")
        .Survival(p => p.Time, p => p.Died)
        .Exclude("Karnofsky score below 20", p => p.Karnofsky < 20)
        .Exclude("Diagnosed more than 5 years before randomisation", p => p.MonthsFromDiagnosis > 60)
        .Exposure(p => p.CellType, reference: CellType.Squamous)
        .Characteristic(p => p.Treatment)
        .Characteristic(p => p.Karnofsky.AtMost(50, "<=50", ">50"), label: "Karnofsky score")
        .Characteristic(p => p.PriorTherapy)
        .Characteristic(p => (double?)p.Age, label: "Age, y")
        .BaselineTable()
        .Univariate()
#pragma warning disable PNEN048 // The report's snapshot keeps the seed paper's screened model.
        .Model("Multivariable", Cox.Efron, m => m.Screen(Screen.AtMost(0.15)))
#pragma warning restore PNEN048
        .Subgroup("Standard treatment", p => p.Treatment == Treatment.Standard)
        .Subgroup("Test treatment, no adenocarcinoma", p => p.Treatment == Treatment.Test && p.CellType != CellType.Adeno)
        .Subgroup("Prior therapy, Karnofsky above 30", p => p.PriorTherapy == PriorTherapy.Yes,
            s => s.Exclude("Karnofsky score 30 or below", p => p.Karnofsky <= 30)
                  .WithinSelection("Small cell", p => p.CellType == CellType.SmallCell, e => e.Effect(p => p.Karnofsky.AtMost(60, "<=60", ">60"), label: "Karnofsky score")),
            description: "Treated before randomisation; Karnofsky score above 30");
}
