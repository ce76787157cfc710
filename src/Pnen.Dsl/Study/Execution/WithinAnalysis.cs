using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>Effects of characteristics within a selection of a cohort (e.g. the paper's HM ≤ 40 mm
/// effect among PHR patients): per-level survival, log-rank, univariable Cox.</summary>
internal static class WithinAnalysis<T>
{
    public static WithinResult Run(WithinSpec<T> spec, T[] members, double[] time, bool[] died)
    {
        var rows = Enumerable.Range(0, members.Length).Where(i => spec.Where(members[i])).ToArray();
        var t = rows.Select(r => time[r]).ToArray();
        var d = rows.Select(r => died[r]).ToArray();
        var selected = rows.Select(r => members[r]).ToArray();
        var all = Enumerable.Range(0, rows.Length).ToArray();
        var effects = new List<EffectResult>();
        foreach (var effect in spec.Effects)
        {
            var c = EvaluatedCharacteristic<T>.Of(effect, selected);
            var constant = c.ConstantReason(all);
            var (levels, test, _) = LevelAnalysis.Run(effect.Levels, c.Codes!, all, t, d, constant is null);
            if (constant is not null)
            {
                effects.Add(new EffectResult(effect.Label, levels, [], null, null, "not estimated: " + constant));
                continue;
            }
            var model = CoxRegression.Fit(t, d, [c.ToCovariate(all)]);
            var estimates = LevelAnalysis.Estimates(effect.Label, effect.Levels, effect.Reference, false, model).ToArray();
            effects.Add(new EffectResult(effect.Label, levels, estimates, test, model, model.Warnings.Count > 0 ? string.Join("; ", model.Warnings) : null));
        }
        return new WithinResult(spec.Name, rows.Length, d.Count(x => x), effects);
    }
}
