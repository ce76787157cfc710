using Pnen.Stats.Baseline;

namespace Pnen.Dsl.Execution;

/// <summary>The baseline table of a cohort: its characteristics marked for it, by the plan's grouping.</summary>
internal static class Baseline<T>
{
    public static BaselineTable Build(BaselineSpec<T> spec, T[] members, IReadOnlyList<EvaluatedCharacteristic<T>> characteristics)
    {
        var grouping = new BaselineGrouping(spec.ByLabel, members.Select(spec.ByCode).ToArray(), spec.ByLevels);
        var rows = characteristics
            .Where(c => c.Spec.InBaselineTable && !c.IsExposure && c.Label != spec.ByLabel)
            .Select(c => c.IsContinuous
                ? (BaselineVariable)new ContinuousVariable(c.Label, c.Values!)
                : new Stats.Baseline.CategoricalVariable(c.Label, c.Codes!, c.Spec.Levels))
            .ToArray();
        var options = new BaselineTableOptions
        {
            CategoricalTest = spec.Categorical,
            ContinuousTest = spec.Continuous,
            IncludeP = spec.PValues,
            IncludeSmd = spec.StandardisedDifferences,
        };
        return BaselineTableBuilder.Build(grouping, rows, options);
    }
}
