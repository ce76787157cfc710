using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The P for interaction of a subgroup: among the records eligible for it (the final cohort less the
/// subgroup's exclusions), the likelihood-ratio test of the exposure × membership product terms in a
/// Cox model of the exposure and membership, stratified as the plan is (R: <c>anova(coxph(S ~ x + m),
/// coxph(S ~ x * m))</c>). Empty combinations leave their product terms out, as R leaves them NA.
/// </summary>
internal static class SubgroupInteractionTest
{
    public static SubgroupInteraction Run<T>(CohortFrame<T> eligible, int[] exposure, IReadOnlyList<string> levels, int reference, bool[] member)
    {
        var members = eligible.PatientsIn(eligible.All.Where(r => member[r]).ToArray());
        if (members == 0 || members == eligible.Patients)
        {
            return new SubgroupInteraction(null, eligible.Patients, members, "not tested: the subgroup is " + (members == 0 ? "empty" : "every eligible record"));
        }
        var rows = eligible.StrataKnown(eligible.All).Where(r => exposure[r] >= 0).ToArray();
        var exposureTerm = new CategoricalCovariate("exposure", rows.Select(r => exposure[r]).ToArray(), levels, reference);
        var memberTerm = new CategoricalCovariate("member", rows.Select(r => member[r] ? 1 : 0).ToArray(), ["no", "yes"], 0);
        var interaction = new InteractionCovariate(exposureTerm, memberTerm);
        var model = CoxModel.Fit(eligible.Data(rows), [exposureTerm, memberTerm, interaction], CoxOptions.Default, eligible.CoxStrata(rows, []));
        var test = model.TestWithout(interaction);
        if (test.PValue is null)
        {
            return new SubgroupInteraction(null, eligible.Patients, members, "not tested: no exposure level has records with events both in and out of the subgroup");
        }
        return new SubgroupInteraction(new TestResult(TestKind.LikelihoodRatio, test.ChiSquare, test.DegreesOfFreedom, test.PValue), eligible.Patients, members, null);
    }
}
