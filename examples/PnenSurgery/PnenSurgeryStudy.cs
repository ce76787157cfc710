using Pnen.Dsl;
using Pnen.Stats.Baseline;

namespace PnenSurgery;

/// <summary>
/// The analysis plan of Xu et al., Pancreas 2025;54:e179-e187, as its Methods describe it:
/// 228 recruited, four exclusions in order, surgery (NR reference) as the exposure, Table 1 with
/// Pearson chi-square, univariate log-rank for every characteristic, a multivariable Cox model of
/// the characteristics with univariate P ≤ 0.15 (the tables' footnote; the Methods say &lt; 0.15),
/// and three subgroups analysed the same way, the two pNET ones without baseline extrahepatic
/// metastasis. Added to the paper's analysis: a crude model of surgery alone beside the screened
/// one, survival at 1, 3 and 5 years, restricted mean survival to 5 years, the immortal-time check
/// (time-dependent surgery and landmarks at 3, 6 and 12 months; the months to surgery are synthetic), and
/// a propensity-score weighted sensitivity analysis with adjusted curves and E-values.
/// </summary>
[Study("pNEN-sHM surgery", EmbeddedData = "pnen-shm-synthetic.csv")]
public static partial class PnenSurgeryStudy
{
    public static StudyPlan<Patient, Surgery> Plan => Study.Of<Patient>("Surgery for pNEN with synchronous hepatic metastasis")
        .Population("pNEN with hepatic metastasis, 3 centres, 1996-2019")
        .Survival(p => p.OsMonths, p => p.Died)
        .Flow(f => f
            .Exclude("Metachronous hepatic metastasis", p => p.Metachronous)
            .Exclude("Unknown pathological stage", p => p.Grade is null)
            .Exclude("Hepatic resection without primary resection", p => p.HepaticResectionWithoutPrimary)
            .Exclude("Perioperative death from improper operation", p => p.PerioperativeDeath))
        .Exposure(p => p.Surgery, reference: Surgery.NR)
        .Characteristic(p => p.Sex)
        .Characteristic(p => p.Age.Below(60, "<60", "≥60"))
        .Characteristic(p => p.HmDistribution)
        .Characteristic(p => p.ExtrahepaticMetastasis)
        .Characteristic(p => p.Location)
        .Characteristic(p => p.PrimaryDiameter.AtMost(40, "≤40 mm", ">40 mm"))
        .Characteristic(p => p.HmDiameter.AtMost(40, "≤40 mm", ">40 mm"))
        .Characteristic(p => p.Grade, reference: Grade.NEC)
        .Characteristic(p => p.Functioning)
        .Characteristic(p => p.Men1OrVhl)
        // Not in the paper's Table 1 (half the values are missing), but in its Table 2.
        .Characteristic(p => p.LymphNodeMetastasis, baseline: false)
        // The exposure's own row sits here in the survival table, as in the paper's Table 2.
        .Characteristic(p => p.Surgery)
        // Treatments given after diagnosis: survival analyses only, not baseline characteristics.
        .Characteristic(p => p.SomatostatinAnalogues, baseline: false)
        .Characteristic(p => p.TargetedTherapy, baseline: false)
        .Characteristic(p => p.Chemotherapy, baseline: false)
        .Characteristic(p => p.Tace, baseline: false)
        .Characteristic(p => p.Rfa, baseline: false)
        .BaselineTable(categorical: CategoricalTestChoice.ChiSquare)
        .Univariate()
        .Model("Crude", Cox.Efron)
#pragma warning disable PNEN048 // The paper chose its covariates by univariate P; the reproduction must too.
        .Model("Multivariable", Cox.Efron, m => m.Screen(Screen.AtMost(0.15)))
#pragma warning restore PNEN048
        .SurvivalAt(12, 36, 60)
        .RestrictedMean(60)
        // Surgery follows diagnosis: how much of its benefit is the months patients had to survive to be
        // operated on? The paper's analysis (above) classes them from diagnosis; these check it.
        .ImmortalTime(p => p.MonthsToSurgery)
        .Landmark(3, 6, 12)
        // Not in the paper: who had surgery differs from who had not (confounding by indication). A
        // propensity-score weighted sensitivity analysis of the three arms (stabilised ATE, weights truncated
        // at their 1st and 99th percentiles) on the baseline characteristics that decide an operation, and
        // survival standardised on the same characteristics; E-values beside every hazard ratio.
        .Weighting(w => w
            .Ate(p => p.Sex, p => p.Age, p => p.HmDistribution, p => p.ExtrahepaticMetastasis,
                 p => (p.Location == Location.HeadNeck).As("Head/neck primary"), p => p.HmDiameter, p => p.Grade, p => p.Functioning)
            .Stabilized()
            .Truncate(0.01, 0.99))
        .AdjustedCurves(c => c
            .Adjust(p => p.Sex, p => p.Age, p => p.HmDistribution, p => p.ExtrahepaticMetastasis,
                    p => (p.Location == Location.HeadNeck).As("Head/neck primary"), p => p.HmDiameter, p => p.Grade, p => p.Functioning)
            .SurvivalAt(12, 36, 60)
            .RestrictedMean(60)
            .Bootstrap(200, seed: 20250101))
        .Subgroup("bt-pNET-sHM", p => p.Grade != Grade.NEC && p.Location == Location.BodyTail,
            s => s.Exclude("Baseline extrahepatic metastasis", p => p.ExtrahepaticMetastasis)
                  .WithinSelection("PHR", p => p.Surgery == Surgery.PHR,
                      e => e.Effect(p => p.HmDiameter.AtMost(40, "≤40 mm", ">40 mm"), reference: ">40 mm")),
            description: "pNET (G1-G3) on the pancreatic body/tail")
        .Subgroup("hn-pNET-sHM", p => p.Grade != Grade.NEC && p.Location == Location.HeadNeck,
            s => s.Exclude("Baseline extrahepatic metastasis", p => p.ExtrahepaticMetastasis),
            description: "pNET (G1-G3) on the pancreatic head/neck")
        .Subgroup("pNEC-sHM", p => p.Grade == Grade.NEC, description: "pancreatic neuroendocrine carcinoma");
}
