namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// The design columns of any covariate, as the operands of an interaction need them: a numeric
/// covariate is its column, a categorical one an indicator per non-reference level (treatment
/// contrasts), a derived one what it computes.
/// </summary>
internal static class CovariateColumns
{
    public static DerivedColumns Of(CoxCovariate covariate, int[]? analysed, int rows) => covariate switch
    {
        NumericCovariate num => DerivedColumns.Of(new DerivedColumn(null, num.Name, num.Values)),
        CategoricalCovariate cat => Indicators(cat),
        IDerivedCovariate derived => derived.Columns(analysed, rows),
        _ => throw new ArgumentException($"a {covariate.GetType().Name} cannot be part of an interaction", nameof(covariate)),
    };

    /// <summary>The level and label of each column a covariate asks for, without the data: what
    /// the columns of a fitted model are called. Columns a spline could not form are listed too.</summary>
    public static IReadOnlyList<(string? Level, string Label)> Names(CoxCovariate covariate) => covariate switch
    {
        NumericCovariate num => [(null, num.Name)],
        PerUnitCovariate per => [(null, per.Label)],
        CategoricalCovariate cat => NonReference(cat).Select(l => ((string?)cat.Levels[l], $"{cat.Name}: {cat.Levels[l]}")).ToArray(),
        SplineCovariate spline => Enumerable.Range(0, spline.Columns).Select(c => ((string?)SplineCovariate.LevelOf(c), $"{spline.Name}: {SplineCovariate.LevelOf(c)}")).ToArray(),
        InteractionCovariate product => Products(Names(product.Left), Names(product.Right), (l, r) => (InteractionCovariate.Level(l.Level, r.Level), InteractionCovariate.Label(l.Label, r.Label))),
        _ => [],
    };

    /// <summary>Every pair of a left and a right item, the left one varying fastest, which is
    /// the order of R's model.matrix for a:b.</summary>
    public static IReadOnlyList<T> Products<TLeft, TRight, T>(IReadOnlyList<TLeft> left, IReadOnlyList<TRight> right, Func<TLeft, TRight, T> combine)
    {
        var result = new List<T>(left.Count * right.Count);
        foreach (var r in right)
        {
            foreach (var l in left) result.Add(combine(l, r));
        }
        return result;
    }

    private static DerivedColumns Indicators(CategoricalCovariate cat)
    {
        if ((uint)cat.Reference >= (uint)cat.Levels.Count) throw new ArgumentException($"reference {cat.Reference} of '{cat.Name}' is not a level index", nameof(cat));
        var columns = new List<DerivedColumn>();
        foreach (var level in NonReference(cat))
        {
            var values = new double[cat.Codes.Length];
            for (var i = 0; i < values.Length; i++)
            {
                var code = cat.Codes[i];
                if (code >= cat.Levels.Count) throw new ArgumentException($"{cat.Name}[{i}] = {code} is not a level index in [0, {cat.Levels.Count})", nameof(cat));
                values[i] = code == level ? 1 : 0;
            }
            columns.Add(new DerivedColumn(cat.Levels[level], $"{cat.Name}: {cat.Levels[level]}", values, IsIndicator: true));
        }
        return new DerivedColumns(columns, []);
    }

    private static IEnumerable<int> NonReference(CategoricalCovariate cat) => Enumerable.Range(0, cat.Levels.Count).Where(l => l != cat.Reference);
}
