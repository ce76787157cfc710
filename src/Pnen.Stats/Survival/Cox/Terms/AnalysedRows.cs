namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// The complete cases of a model and its data restricted to them, so that a nested model is
/// fitted to the very rows of the larger one (R's anova refuses models fitted to different data).
/// </summary>
internal static class AnalysedRows
{
    /// <summary>Rows with no missing covariate (an interaction's parts included) or stratum;
    /// null when that is every row. The design's own test: a loop per column on its values, not a
    /// virtual call per row and column.</summary>
    public static int[]? Complete(int n, IReadOnlyList<CoxCovariate> covariates, CoxStrata? strata) =>
        CoxDesign.CompleteRows(n, covariates, strata);

    public static T[] Gather<T>(ReadOnlySpan<T> values, int[]? rows)
    {
        if (rows is null) return values.ToArray();
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }

    /// <summary>The covariate on the given rows only (the same covariate when rows is null).</summary>
    public static CoxCovariate Subset(CoxCovariate covariate, int[]? rows) => rows is null ? covariate : covariate switch
    {
        NumericCovariate num => num with { Values = Gather<double>(num.Values, rows) },
        CategoricalCovariate cat => cat with { Codes = Gather<int>(cat.Codes, rows) },
        SplineCovariate spline => spline with { Values = Gather<double>(spline.Values, rows) },
        PerUnitCovariate per => per with { Values = Gather<double>(per.Values, rows) },
        InteractionCovariate product => new InteractionCovariate(Subset(product.Left, rows), Subset(product.Right, rows)),
        _ => throw new ArgumentException($"a {covariate.GetType().Name} cannot be compared in nested models", nameof(covariate)),
    };

    public static CoxStrata? Subset(CoxStrata? strata, int[]? rows) =>
        strata is null || rows is null ? strata : strata with { Codes = Gather<int>(strata.Codes, rows) };

    /// <summary>Replaces every covariate (interaction parts included) for which <paramref name="change"/>
    /// gives another one.</summary>
    public static CoxCovariate Rewrite(CoxCovariate covariate, Func<CoxCovariate, CoxCovariate?> change) =>
        change(covariate) ?? (covariate is InteractionCovariate product
            ? new InteractionCovariate(Rewrite(product.Left, change), Rewrite(product.Right, change))
            : covariate);
}
