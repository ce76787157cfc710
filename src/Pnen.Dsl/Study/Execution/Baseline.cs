using Pnen.Stats.Baseline;

namespace Pnen.Dsl.Execution;

/// <summary>The baseline table of a cohort: its characteristics marked for it, by the plan's grouping.</summary>
internal static class Baseline<T, TX> where T : ICodebook<T> where TX : notnull
{
    public static BaselineTable Build(BaselineSpec<T> spec, T[] members, IReadOnlyList<EvaluatedCharacteristic<T>> characteristics, ExposureSpec<T, TX> exposure)
    {
        var grouping = new BaselineGrouping(spec.ByLabel, members.Select(spec.ByCode).ToArray(), spec.ByLevels);
        var rows = characteristics
            .Where(c => c.Spec.InBaselineTable && !IsGrouping(c, spec, exposure))
            .Select(c => c.IsContinuous
                ? (BaselineVariable)new ContinuousVariable(c.Label, c.Values)
                : new Stats.Baseline.CategoricalVariable(c.Label, c.Codes, c.Spec.Levels))
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

    /// <summary>The grouping variable is the table's columns, not one of its rows (the exposure may
    /// be listed among the characteristics only to place its row in the survival table).</summary>
    private static bool IsGrouping(EvaluatedCharacteristic<T> c, BaselineSpec<T> spec, ExposureSpec<T, TX> exposure) =>
        c.Label == spec.ByLabel ||
        (spec.ByLabel == exposure.Label && exposure.Source is not null && ReferenceEquals(c.Spec.Source, exposure.Source) && c.Spec.Derivation is null);
}
