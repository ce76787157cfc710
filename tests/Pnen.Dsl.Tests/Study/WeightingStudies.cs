using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>Propensity-score weighting (the ATT of two levels, truncated at two quantiles that are not
/// symmetric) and adjusted curves from a model of the plan, on the NCCTG lung data stratified by ECOG;
/// dsl-weighting/make-reference.R states the same analyses in R.</summary>
[Study("NCCTG lung cancer: weighting")]
public static partial class LungWeightingStudy
{
    public static StudyPlan<LungPatient, Sex> Plan => Dsl.Study.Of<LungPatient>("NCCTG lung cancer: weighting")
        .Survival(p => p.Time, p => p.Died)
        .Stratify(p => p.PhEcog.AtMost(1, "0-1", "2-3"))
        .Exposure(p => p.Sex, reference: Sex.Male)
        .Model("Adjusted", Cox.Breslow, m => m.Adjust(p => p.Age.PerUnit(10), p => p.PhKarno))
        .Weighting(w => w.Att(p => p.Age, p => p.PhKarno, p => p.WtLoss.AtMost(10, "<=10 lb", ">10 lb")).Truncate(0.05, 0.9))
        .AdjustedCurves(c => c.Model("Adjusted").SurvivalAt(180, 365).RestrictedMean(365).Bootstrap(20, seed: 11))
        .Subgroup("Older", p => p.Age >= 65);
}

/// <summary>Three surgical arms of the example's synthetic cohort: the stabilised ATE truncated at 0.01 and
/// 0.99 (a multinomial propensity model), adjusted curves from a list of covariates with a seeded bootstrap,
/// and subgroups from the ordinary (body/tail) to the degenerate (one PHR record, one arm missing, one record of one arm).</summary>
[Study("Synthetic pNEN: weighting")]
public static partial class SurgeryWeightingStudy
{
    public static StudyPlan<SyntheticPatient, SyntheticSurgery> Plan => Dsl.Study.Of<SyntheticPatient>("Synthetic pNEN: weighting")
        .Survival(p => p.OsMonths, p => p.Died)
        .Exclude("Unknown grade", p => p.Grade is null)
        .Exposure(p => p.Surgery, reference: SyntheticSurgery.NR)
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Age, p => p.Sex, p => p.Grade))
        .Weighting(w => w.Ate(p => p.Age, p => p.Sex, p => p.Grade, p => p.HmDiameter).Stabilized().Truncate(0.01, 0.99))
        .AdjustedCurves(c => c.Adjust(p => p.Age, p => p.Sex, p => p.Grade).SurvivalAt(12, 36, 60).RestrictedMean(60).Bootstrap(20, seed: 7))
        .Subgroup("Body/tail", p => p.Location == SyntheticLocation.BodyTail)
        .Subgroup("NEC", p => p.Grade == SyntheticGrade.NEC)
        .Subgroup("Diffused", p => p.Location == SyntheticLocation.Diffused)
        .Subgroup("Oldest", p => p.Age > 72);
}

/// <summary>The ATT of three levels with its focal level (PHR) on the same cohort.</summary>
[Study("Synthetic pNEN: ATT")]
public static partial class SurgeryAttStudy
{
    public static StudyPlan<SyntheticPatient, SyntheticSurgery> Plan => Dsl.Study.Of<SyntheticPatient>("Synthetic pNEN: ATT")
        .Survival(p => p.OsMonths, p => p.Died)
        .Exclude("Unknown grade", p => p.Grade is null)
        .Exposure(p => p.Surgery, reference: SyntheticSurgery.NR)
        .Weighting(w => w.Att(p => p.Age, p => p.Sex, p => p.Grade).Focal(SyntheticSurgery.PHR));
}
