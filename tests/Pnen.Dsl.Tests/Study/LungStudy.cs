using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>A small second study on the public NCCTG lung data, written as a methodologist would.
/// Its expected numbers come from lung-study.R (R survival 3.5-3), which states the same plan in R.
/// As a [Study], it also gets the generated Execute, RunAsync and typed results (LungStudyResult).</summary>
[Study("NCCTG lung cancer: survival by sex")]
public static partial class LungStudy
{
    public static StudyPlan<LungPatient, Sex> Plan => Dsl.Study.Of<LungPatient>("NCCTG lung cancer: survival by sex")
        .Survival(p => p.Time, p => p.Died)
        .Exclude("Institution unknown", p => p.Institution is null)
        .Exposure(p => p.Sex, reference: Sex.Male)
        .Characteristic(p => p.Age.Below(65, "<65", ">=65"), label: "Age group")
        .Characteristic(p => p.PhEcog.AtMost(1, "0-1", "2-3"), label: "ECOG")
        .Characteristic(p => p.WtLoss.AtMost(10, "<=10 lb", ">10 lb"), label: "Weight loss")
        .Univariate()
#pragma warning disable PNEN048 // The study reproduces lung-study.R, which screens as the seed paper does.
        .Model("Multivariable", Cox.Efron, m => m.Screen(Screen.AtMost(0.15)))
#pragma warning restore PNEN048
        .Subgroup("Older", p => p.Age >= 65, s => s.Exclude("ECOG not recorded", p => p.PhEcog is null))
        .WithinSelection("Women", p => p.Sex == Sex.Female, e => e.Effect(p => p.PhEcog.AtMost(1, "0-1", "2-3"), label: "ECOG"));
}
