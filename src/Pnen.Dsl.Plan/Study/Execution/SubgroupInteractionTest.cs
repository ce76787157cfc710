using Pnen.Stats.Survival.Cox;

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
        var members = member.Count(m => m);
        if (members == 0 || members == eligible.N)
        {
            return new SubgroupInteraction(null, eligible.N, members, "not tested: the subgroup is " + (members == 0 ? "empty" : "every eligible record"));
        }
        var rows = eligible.StrataKnown(eligible.All).Where(r => exposure[r] >= 0).ToArray();
        var time = rows.Select(r => eligible.Time[r]).ToArray();
        var died = rows.Select(r => eligible.Died[r]).ToArray();
        var strata = eligible.CoxStrata(rows, []);
        var main = new List<CoxCovariate>
        {
            new CategoricalCovariate("exposure", rows.Select(r => exposure[r]).ToArray(), levels, reference),
            new NumericCovariate("member", rows.Select(r => member[r] ? 1.0 : 0.0).ToArray()),
        };
        var products = Enumerable.Range(0, levels.Count).Where(l => l != reference)
            .Select(l => (CoxCovariate)new NumericCovariate("exposure:member " + levels[l], rows.Select(r => exposure[r] == l && member[r] ? 1.0 : 0.0).ToArray()));
        var reduced = CoxRegression.Fit(time, died, main, CoxOptions.Default, strata);
        var full = CoxRegression.Fit(time, died, [.. main, .. products], CoxOptions.Default, strata);
        var test = LikelihoodRatio.Test(full, reduced);
        var note = test.P is null ? "not tested: no exposure level has records both in and out of the subgroup" : null;
        return new SubgroupInteraction(test.P is null ? null : test, eligible.N, members, note);
    }
}
