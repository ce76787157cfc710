using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>Monotone likelihood: the exposure's coefficient runs off to infinity in every ordinary
/// model, so Firth's refit sits beside it (univariable and adjusted), a model declared with .Firth() is
/// Firth's throughout, and a stratified model, which Firth's method cannot refit, says so in a note.
/// model-checks.R gives coxphf's numbers.</summary>
[Study("Monotone likelihood")]
public static partial class SeparationStudy
{
    public static StudyPlan<SeparationRecord, bool> Plan => Dsl.Study.Of<SeparationRecord>("Monotone likelihood")
        .Survival(p => p.Time, p => p.Died)
        .Exposure(p => p.Exposed, reference: false)
        .Characteristic(p => p.W)
        .Univariate()
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.W))
        .Model("Penalised", Cox.Breslow, m => m.Adjust(p => p.W).Firth())
        .Model("Stratified", Cox.Efron, m => m.Stratify(p => p.W.AtMost(0, "w <= 0", "w > 0")));
}
