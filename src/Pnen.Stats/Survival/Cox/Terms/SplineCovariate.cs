using Pnen.Stats.Regression.Splines;

namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// A numeric covariate entered as a natural cubic spline, as <c>ns(x, df)</c> in an R formula:
/// <see cref="DegreesOfFreedom"/> columns, levels "ns1", "ns2", ... (R names them ns(x, df)1, ...),
/// all with <see cref="CoxCovariate.Name"/> as their variable. Unless <see cref="Basis"/> fixes
/// the knots, they are placed on the analysed rows (complete cases of the whole model): boundary
/// knots at the range, interior knots at the quantiles, as ns does on a model frame without
/// missing values. NaN marks a missing value. Values that make no spline (fewer distinct values
/// than the knots need, where R's ns stops) leave the covariate out of the model, by name.
/// </summary>
public sealed record SplineCovariate(string Name, double[] Values, int DegreesOfFreedom) : CoxCovariate(Name), IDerivedCovariate
{
    /// <summary>Knots to use instead of the quantiles of the analysed values (R's
    /// <c>ns(x, knots =, Boundary.knots =)</c>); its column count overrides <see cref="DegreesOfFreedom"/>.</summary>
    public NaturalSpline? Basis { get; init; }

    internal override int Length => Values.Length;

    internal override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <summary>The number of design columns.</summary>
    public int Columns => Basis?.Columns ?? DegreesOfFreedom;

    /// <summary>The basis on the analysed rows: <see cref="Basis"/>, or the quantile knots of the
    /// analysed values; null (with the reason) when no spline can be made of them.</summary>
    internal NaturalSpline? BasisOn(int[]? analysed, out string? problem)
    {
        problem = null;
        if (Basis is not null) return Basis;
        if (DegreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(DegreesOfFreedom), DegreesOfFreedom, $"the spline of '{Name}' needs at least 1 degree of freedom");
        var values = analysed is null ? Values : analysed.Select(r => Values[r]).ToArray();
        return NaturalSpline.TryFromQuantiles(values, DegreesOfFreedom, out var spline, out problem) ? spline : null;
    }

    DerivedColumns IDerivedCovariate.Columns(int[]? analysed, int rows)
    {
        var basis = BasisOn(analysed, out var problem);
        if (basis is null) return new DerivedColumns([], [new CoxDroppedTerm(Name, null, problem!)]);
        var k = basis.Columns;
        var columns = new double[k][];
        for (var c = 0; c < k; c++) columns[c] = new double[rows];
        Span<double> row = stackalloc double[k];
        for (var i = 0; i < rows; i++)
        {
            var x = Values[i];
            if (double.IsNaN(x))
            {
                for (var c = 0; c < k; c++) columns[c][i] = double.NaN;
                continue;
            }
            basis.Evaluate(x, row);
            for (var c = 0; c < k; c++) columns[c][i] = row[c];
        }
        return new DerivedColumns(columns.Select((values, c) => new DerivedColumn(LevelOf(c), $"{Name}: {LevelOf(c)}", values)).ToArray(), []);
    }

    /// <summary>The level of basis column c (0-based): "ns1" for the first.</summary>
    public static string LevelOf(int column) => $"ns{column + 1}";
}
