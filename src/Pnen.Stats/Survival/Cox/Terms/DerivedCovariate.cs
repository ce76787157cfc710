namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// A covariate whose design columns are computed from the data rather than read from it
/// (a spline basis, a rescaled number, a product of two terms). The design asks for them once it
/// knows the analysed rows, so that what depends on the data (a spline's knots) is placed on
/// the complete cases only.
/// </summary>
internal interface IDerivedCovariate
{
    /// <param name="analysed">The complete-case rows, or null when every row is complete.</param>
    /// <param name="rows">The number of rows of the data (the length of every column).</param>
    DerivedColumns Columns(int[]? analysed, int rows);
}

/// <summary>One design column over every row of the data (rows not analysed may hold anything).
/// <see cref="IsIndicator"/> marks a 0/1 indicator of a categorical level.</summary>
internal sealed record DerivedColumn(string? Level, string Label, double[] Values, bool IsIndicator = false);

/// <summary>The columns of a derived covariate, and the columns it could not form, with why.</summary>
internal sealed record DerivedColumns(IReadOnlyList<DerivedColumn> Columns, IReadOnlyList<CoxDroppedTerm> Dropped)
{
    public static DerivedColumns Of(params DerivedColumn[] columns) => new(columns, []);
}
