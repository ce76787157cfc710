using System.Globalization;

namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// The interaction of two terms, as <c>a:b</c> in an R formula whose main effects a and b are
/// also in the model (R's <c>a*b</c>): every product of a column of <see cref="Left"/> with a
/// column of <see cref="Right"/>, Left varying fastest, as R orders them. A numeric term is its
/// column, a categorical one its treatment-contrast indicators (non-reference levels), a spline
/// its basis columns, a per-unit term its rescaled column. The variable of every column is
/// "a:b"; its level joins the levels of its parts with ':' ("Lev+5FU:Male" for two categorical
/// terms, "Lev+5FU" for categorical × numeric, "ns2:Male" for spline × categorical, null for
/// numeric × numeric). A product that is constant on the analysed rows (an empty cell of two
/// categorical terms) is left out by name, where R gives NA. Put interactions after the main
/// effects (R orders formula terms so): of collinear columns, the later one is left out.
/// Without its main effects in the model the coding differs from R's (R then codes a
/// categorical factor by every level).
/// </summary>
public sealed record InteractionCovariate(CoxCovariate Left, CoxCovariate Right) : CoxCovariate(Left.Name + ":" + Right.Name), IDerivedCovariate
{
    internal override int Length => Left.Length == Right.Length ? Left.Length : -1;

    internal override bool IsMissing(int row) => Left.IsMissing(row) || Right.IsMissing(row);

    DerivedColumns IDerivedCovariate.Columns(int[]? analysed, int rows)
    {
        if (Left.Length != rows || Right.Length != rows) throw new ArgumentException($"the terms of '{Name}' have {Left.Length} and {Right.Length} values, not {rows}");
        var left = CovariateColumns.Of(Left, analysed, rows);
        var right = CovariateColumns.Of(Right, analysed, rows);
        var dropped = new List<CoxDroppedTerm>();
        // A part that could not be formed (a spline of too few values) takes its products with it.
        if (left.Columns.Count == 0 || right.Columns.Count == 0)
        {
            dropped.Add(new CoxDroppedTerm(Name, null, $"{(left.Columns.Count == 0 ? Left.Name : Right.Name)} has no column to multiply"));
            return new DerivedColumns([], dropped);
        }

        var columns = new List<DerivedColumn>();
        foreach (var product in CovariateColumns.Products(left.Columns, right.Columns, (l, r) => (Left: l, Right: r)))
        {
            var (l, r) = product;
            var values = new double[rows];
            for (var i = 0; i < rows; i++) values[i] = l.Values[i] * r.Values[i];
            var level = Level(l.Level, r.Level);
            if (Constant(values, analysed, rows) is { } constant)
            {
                var reason = constant == 0 && l.IsIndicator && r.IsIndicator
                    ? "no analysed subject has this combination of levels"
                    : $"constant ({constant.ToString("G6", CultureInfo.InvariantCulture)}) in the analysed rows";
                dropped.Add(new CoxDroppedTerm(Name, level, reason));
                continue;
            }
            columns.Add(new DerivedColumn(level, Label(l.Label, r.Label), values, l.IsIndicator && r.IsIndicator));
        }
        return new DerivedColumns(columns, dropped);
    }

    /// <summary>The level of a product column: the levels of its parts joined by ':', null when neither has one.</summary>
    public static string? Level(string? left, string? right) => left is null ? right : right is null ? left : $"{left}:{right}";

    internal static string Label(string left, string right) => $"{left} × {right}";

    /// <summary>The value every analysed row shares, or null when they differ (or there are none).</summary>
    private static double? Constant(double[] values, int[]? analysed, int rows)
    {
        var used = analysed?.Length ?? rows;
        if (used == 0) return null;
        var first = values[analysed is null ? 0 : analysed[0]];
        for (var i = 1; i < used; i++)
        {
            if (values[analysed is null ? i : analysed[i]] != first) return null;
        }
        return first;
    }
}
