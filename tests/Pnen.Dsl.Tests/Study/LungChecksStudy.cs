using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>Model checking on the NCCTG lung data: every model's proportional hazards test (a linear,
/// a cut, a spline and an interaction term; a stratified model with Breslow ties) and concordance, a
/// cluster-robust variance by institution, and a model fitted by Firth's method. model-checks.R states
/// the same models in R.</summary>
[Study("NCCTG lung cancer: model checks")]
public static partial class LungChecksStudy
{
    public static StudyPlan<LungCentrePatient, Sex> Plan => Dsl.Study.Of<LungCentrePatient>("NCCTG lung cancer: model checks")
        .Survival(p => p.Time, p => p.Died)
        .Exposure(p => p.Sex, reference: Sex.Male)
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m
            .Adjust(p => p.Age.PerUnit(10), p => p.PhEcog.AtMost(1, "0-1", "2-3"), p => p.WtLoss)
            .Spline(p => p.PhKarno, df: 3))
        .Model("Stratified", Cox.Breslow, m => m
            .Adjust(p => p.Age.PerUnit(10))
            .Stratify(p => p.PhEcog.AtMost(1, "0-1", "2-3")))
        .Model("Interaction", Cox.Efron, m => m
            .Adjust(p => p.PhEcog.AtMost(1, "0-1", "2-3"))
            .Interaction(p => p.Sex, p => p.PhEcog))
        .Model("Clustered", Cox.Efron, m => m
            .Adjust(p => p.Age.PerUnit(10))
            .Cluster(p => p.Institution))
        .Model("Penalised", Cox.Breslow, m => m
            .Adjust(p => p.Age.PerUnit(10))
            .Firth());
}
