using Pnen.Dsl;

namespace ColonAdjuvant;

/// <summary>
/// The adjuvant colon cancer trial of levamisole and fluorouracil (Moertel et al., N Engl J Med
/// 1990;322:352; Laurie et al., J Clin Oncol 1989;7:1447), as R survival's <c>colon</c> data hold it:
/// overall survival by arm, with the models a methodologist writes for a randomised trial. As the plan
/// says it is randomised, the baseline table has no P values (CONSORT: differences at baseline are chance). The "crude" model is
/// the trial's primary comparison; the adjusted one adds prognostic factors chosen in advance; one is
/// stratified by the tumour's extent, one enters the positive nodes as a spline, and one tests whether
/// the treatment effect differs with more than 4 positive nodes, the test to read beside the two
/// node subgroups (whose own P values differ by chance: Audit/r-reference.json has both).
/// </summary>
[Study("Adjuvant colon cancer trial", EmbeddedData = "colon-deaths.csv")]
public static partial class ColonAdjuvantStudy
{
    public static StudyPlan<Patient, Treatment> Plan => Study.Of<Patient>("Levamisole and fluorouracil after resection of colon cancer")
        .Randomised()
        .Population("Resected stage B2/C colon cancer, randomised (NCCTG/Intergroup)")
        .Survival(p => p.Days, p => p.Died)
        .Exposure(p => p.Treatment, reference: Treatment.Observation)
        .Characteristic(p => p.Sex)
        .Characteristic(p => p.Age)
        .Characteristic(p => p.Obstruction)
        .Characteristic(p => p.Perforation)
        .Characteristic(p => p.Adherence)
        .Characteristic(p => p.MoreThanFourNodes)
        .Characteristic(p => p.Differentiation)
        .Characteristic(p => p.Extent)
        .Characteristic(p => p.SurgeryDelay)
        .BaselineTable()
        .Univariate()
        .Model("Crude", Cox.Efron)
        .Model("Adjusted", Cox.Efron, m => m
            .Adjust(p => p.Age.PerUnit(10), p => p.Sex, p => p.Obstruction, p => p.Perforation, p => p.Adherence,
                p => p.MoreThanFourNodes, p => p.Differentiation, p => p.Extent, p => p.SurgeryDelay))
        .Model("Stratified by extent", Cox.Efron, m => m
            .Adjust(p => p.Age.PerUnit(10), p => p.Sex, p => p.Obstruction, p => p.MoreThanFourNodes, p => p.Differentiation)
            .Stratify(p => p.Extent))
        .Model("Nodes as a spline", Cox.Efron, m => m
            .Adjust(p => p.Age.PerUnit(10), p => p.Sex, p => p.Differentiation, p => p.Extent)
            .Spline(p => p.Nodes, df: 3))
        .Model("Treatment by nodes", Cox.Efron, m => m
            .Adjust(p => p.MoreThanFourNodes)
            .Interaction(p => p.Treatment, p => p.MoreThanFourNodes))
        .SurvivalAt(365, 1095, 1825)
        .RestrictedMean(1825)
        .Subgroup("More than 4 nodes", p => p.MoreThanFourNodes, description: "more than 4 positive lymph nodes")
        .Subgroup("At most 4 nodes", p => !p.MoreThanFourNodes, description: "0 to 4 positive lymph nodes");
}
