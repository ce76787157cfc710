using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>The transplant of R's myeloid trial as a time-dependent exposure, with landmarks; myeloid-study.R
/// states the same analyses in R.</summary>
[Study("Myeloid: transplant")]
public static partial class MyeloidStudy
{
    public static StudyPlan<MyeloidPatient, bool> Plan => Dsl.Study.Of<MyeloidPatient>("Myeloid: transplant")
        .Survival(p => p.Days, p => p.Died)
        .Exposure(p => p.Transplanted, reference: false, startsAt: p => p.DaysToTransplant)
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Arm))
        .SurvivalAt(365)
        .Landmark(100, 200)
        .Subgroup("Arm B", p => p.Arm == MyeloidArm.B);
}
