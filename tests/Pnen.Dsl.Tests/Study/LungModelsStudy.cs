using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>The plan language's model features on the NCCTG lung data: plan-level strata, a crude and an
/// adjusted model with a number per 10 units, a cut, a spline, an interaction and Breslow ties, survival
/// at fixed times, restricted means and a subgroup's P for interaction. lung-models.R states the same
/// analyses in R.</summary>
[Study("NCCTG lung cancer: models")]
public static partial class LungModelsStudy
{
    public static StudyPlan<LungPatient, Sex> Plan => Dsl.Study.Of<LungPatient>("NCCTG lung cancer: models")
        .Survival(p => p.Time, p => p.Died)
        .Stratify(p => p.PhEcog.AtMost(1, "0-1", "2-3"))
        .Exposure(p => p.Sex, reference: Sex.Male)
        .Characteristic(p => p.Age)
        .Characteristic(p => p.WtLoss.AtMost(10, "<=10 lb", ">10 lb"), label: "Weight loss")
        .Univariate()
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Breslow, m => m
            .Adjust(p => p.Age.PerUnit(10), p => p.WtLoss.AtMost(10, "<=10 lb", ">10 lb"))
            .Spline(p => p.PhKarno, df: 3)
            .Interaction(p => p.Sex, p => p.WtLoss))
        .SurvivalAt(180, 365)
        .RestrictedMean(365)
        .Subgroup("Older", p => p.Age >= 65);
}
