using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The univariate survival analysis of one characteristic: Kaplan-Meier per level and the log-rank
/// test; for a continuous characteristic, the Wald test of a univariable Cox model.
/// </summary>
internal static class Univariate<T>
{
    public static UnivariateResult Analyse(EvaluatedCharacteristic<T> c, double[] time, bool[] died)
    {
        var all = Enumerable.Range(0, time.Length).ToArray();
        var constant = c.ConstantReason(all);
        if (c.IsContinuous)
        {
            var missing = c.Values!.Count(double.IsNaN);
            if (constant is not null) return new UnivariateResult(c.Label, CharacteristicKind.Continuous, c.IsExposure, [], missing, null, null, "not tested: " + constant);
            var model = CoxRegression.Fit(time, died, [c.ToCovariate(all)]);
            // A coefficient running off to infinity (the characteristic separates deaths from
            // survivors) has no meaningful Wald P: not tested, and said so.
            var term = model.Terms.Count == 1 ? model.Terms[0] : null;
            var p = term is { PossiblyInfinite: false } ? term.PValue : (double?)null;
            var why = term is null ? "not estimable" + (model.Warnings.Count > 0 ? ": " + model.Warnings[^1] : "") : term.PossiblyInfinite ? "not estimable: the hazard ratio may be infinite (monotone likelihood)" : null;
            return new UnivariateResult(c.Label, CharacteristicKind.Continuous, c.IsExposure, [], missing, p, null, why);
        }

        var (levels, test, missingCount) = LevelAnalysis.Run(c.Spec.Levels, c.Codes!, all, time, died, constant is null);
        if (constant is not null) return new UnivariateResult(c.Label, CharacteristicKind.Categorical, c.IsExposure, levels, missingCount, null, null, "not tested: " + constant);
        var note = test!.PValue is null ? "not tested: " + string.Join("; ", test.Warnings) : null;
        return new UnivariateResult(c.Label, CharacteristicKind.Categorical, c.IsExposure, levels, missingCount, test.PValue, test, note);
    }
}
