using System.Diagnostics.CodeAnalysis;
using Pnen.Stats.Descriptive;
using Pnen.Stats.LinearAlgebra;
using Pnen.Stats.Survival;

namespace Pnen.Stats.Regression.Splines;

/// <summary>
/// A natural cubic spline basis exactly as R's <c>splines::ns(x, df, intercept = FALSE)</c>:
/// cubic B-splines on the interior knots and the boundary knots repeated four times, the first
/// B-spline left out, projected by the Householder QR of the second derivatives at the two
/// boundary knots (ns: <c>qr(t(const))</c>, keeping <c>qr.qty</c>'s rows after the first two), so
/// that every column has no curvature at the boundaries. Beyond a boundary knot each column goes
/// on as the straight line through its value and slope there, as ns extrapolates.
/// <see cref="Columns"/> = interior knots + 1 = df.
/// </summary>
public sealed class NaturalSpline
{
    private readonly double[] _knots;      // the full knot vector, R's Aknots
    private readonly double[] _projection; // (B-splines - 1) × Columns, row-major: Q's columns after the first two
    private readonly double[] _lower;      // the basis at the lower boundary knot, then its slope there
    private readonly double[] _upper;

    private NaturalSpline(double[] interior, double lower, double upper, double[] knots, double[] projection)
    {
        InteriorKnots = interior;
        LowerBoundary = lower;
        UpperBoundary = upper;
        _knots = knots;
        _projection = projection;
        Columns = interior.Length + 1;
        _lower = Line(lower);
        _upper = Line(upper);
    }

    /// <summary>The knots between the boundary knots, in increasing order (R's attr(, "knots")).</summary>
    public IReadOnlyList<double> InteriorKnots { get; }

    public double LowerBoundary { get; }

    public double UpperBoundary { get; }

    /// <summary>The number of basis columns: the spline's degrees of freedom.</summary>
    public int Columns { get; }

    /// <summary>
    /// A basis on given knots, as <c>ns(x, knots = interior, Boundary.knots = c(lower, upper))</c>.
    /// Interior knots must lie in [lower, upper) and the boundaries must differ; where R's ns
    /// would fail (a knot at the upper boundary, too many coincident knots) this throws.
    /// </summary>
    public static NaturalSpline Create(IReadOnlyList<double> interiorKnots, double lowerBoundary, double upperBoundary) =>
        TryCreate(interiorKnots, lowerBoundary, upperBoundary, out var spline, out var problem) ? spline : throw new ArgumentException(problem, nameof(interiorKnots));

    /// <summary>
    /// The basis <c>ns(x, df)</c> builds for these values: boundary knots at their range, df - 1
    /// interior knots at the type 7 quantiles <c>seq(0, 1, length = df + 1)</c> without the ends.
    /// NaN values are ignored, as ns ignores NA.
    /// </summary>
    public static NaturalSpline FromQuantiles(ReadOnlySpan<double> values, int degreesOfFreedom) =>
        TryFromQuantiles(values, degreesOfFreedom, out var spline, out var problem) ? spline : throw new ArgumentException(problem, nameof(values));

    /// <summary><see cref="FromQuantiles"/> without throwing on data no natural spline can be
    /// made of (fewer than two distinct values, or so few that a quantile knot falls on the upper
    /// boundary, where R's ns stops with an error): the problem is then said in words.</summary>
    public static bool TryFromQuantiles(ReadOnlySpan<double> values, int degreesOfFreedom, [NotNullWhen(true)] out NaturalSpline? spline, [NotNullWhen(false)] out string? problem)
    {
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "a natural spline has at least 1 degree of freedom");
        var finite = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            if (!double.IsFinite(v)) throw new ArgumentException($"{v} is not a finite number", nameof(values));
            finite.Add(v);
        }
        // A radix sort: cox.zph places the knots of its smooth among every event (737,000 at a
        // million rows), where a comparison sort of doubles in the native build took 60-80 ms.
        var sorted = DoubleRadixSort.SortedCopy(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(finite));
        spline = null;
        if (sorted.Length == 0 || sorted[0] == sorted[^1])
        {
            problem = sorted.Length == 0 ? "no values to place the knots of a spline" : "a spline needs at least two distinct values";
            return false;
        }
        ReadOnlySpan<double> span = sorted;
        var interior = new double[degreesOfFreedom - 1];
        var step = 1.0 / degreesOfFreedom; // seq.int(0, 1, length.out = df + 1) is i * step
        for (var i = 0; i < interior.Length; i++) interior[i] = Quantiles.Type7(span, (i + 1) * step);
        if (!TryCreate(interior, sorted[0], sorted[^1], out spline, out var reason))
        {
            problem = $"too few distinct values for a natural spline with {degreesOfFreedom} degrees of freedom ({reason})";
            return false;
        }
        problem = null;
        return true;
    }

    private static bool TryCreate(IReadOnlyList<double> interiorKnots, double lower, double upper, [NotNullWhen(true)] out NaturalSpline? spline, [NotNullWhen(false)] out string? problem)
    {
        spline = null;
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
        {
            problem = $"the boundary knots {lower} and {upper} must be finite and increasing";
            return false;
        }
        var interior = interiorKnots.ToArray();
        Array.Sort(interior);
        foreach (var knot in interior)
        {
            if (!(knot >= lower && knot < upper))
            {
                problem = knot == upper
                    ? "an interior knot falls on the upper boundary knot"
                    : $"the interior knot {knot} lies outside the boundary knots [{lower}, {upper}]";
                return false;
            }
        }

        const int k = CubicBSpline.Order;
        var knots = new double[interior.Length + 2 * k];
        for (var i = 0; i < k; i++)
        {
            knots[i] = lower;
            knots[^(i + 1)] = upper;
        }
        interior.CopyTo(knots, k);
        var functions = knots.Length - k; // B-splines on the knots; the first is dropped (intercept = FALSE)
        var kept = functions - 1;
        var columns = interior.Length + 1;

        // The second derivatives at the boundary knots, t(const) of ns: kept × 2.
        var constraint = new double[kept * 2];
        Span<double> d = stackalloc double[k];
        for (var side = 0; side < 2; side++)
        {
            var x = side == 0 ? lower : upper;
            var j = CubicBSpline.Interval(knots, x);
            if (j < 0)
            {
                problem = "an interior knot falls on the upper boundary knot";
                return false;
            }
            CubicBSpline.Derivatives(knots, j, x, 2, d);
            for (var m = 0; m < k; m++)
            {
                var function = j - k + 1 + m;
                if (function > 0) constraint[(function - 1) * 2 + side] = d[m];
            }
        }
        var qr = HouseholderQr.Factor(constraint, kept, 2);
        if (qr is null)
        {
            problem = "too many coincident knots";
            return false;
        }

        // Q's last `columns` columns: the basis row of x is B(x)[1..] · projection.
        var projection = new double[kept * columns];
        var unit = new double[kept];
        for (var c = 0; c < columns; c++)
        {
            Array.Clear(unit);
            unit[c + 2] = 1;
            qr.Times(unit);
            for (var r = 0; r < kept; r++) projection[r * columns + c] = unit[r];
        }
        spline = new NaturalSpline(interior, lower, upper, knots, projection);
        problem = null;
        return true;
    }

    /// <summary>The basis row of x (length <see cref="Columns"/>): ns's value inside the boundary
    /// knots, the straight line through the boundary value with the boundary slope beyond them.</summary>
    public void Evaluate(double x, Span<double> row)
    {
        if (row.Length < Columns) throw new ArgumentException($"the row needs {Columns} values", nameof(row));
        if (!double.IsFinite(x)) throw new ArgumentException($"{x} is not a finite number", nameof(x));
        if (x < LowerBoundary || x > UpperBoundary)
        {
            var line = x < LowerBoundary ? _lower : _upper;
            var offset = x - (x < LowerBoundary ? LowerBoundary : UpperBoundary);
            for (var c = 0; c < Columns; c++) row[c] = line[c] + offset * line[Columns + c];
            return;
        }
        Project(CubicBSpline.Interval(_knots, x), x, 0, row);
    }

    /// <summary>The basis of many values: row-major, values.Length × <see cref="Columns"/>.</summary>
    public double[] Evaluate(ReadOnlySpan<double> values)
    {
        var basis = new double[values.Length * Columns];
        for (var i = 0; i < values.Length; i++) Evaluate(values[i], basis.AsSpan(i * Columns, Columns));
        return basis;
    }

    /// <summary>The basis (derivative 0) or its derivative at x in interval j.</summary>
    private void Project(int j, double x, int derivative, Span<double> row)
    {
        const int k = CubicBSpline.Order;
        Span<double> b = stackalloc double[k];
        CubicBSpline.Derivatives(_knots, j, x, derivative, b);
        row[..Columns].Clear();
        for (var m = 0; m < k; m++)
        {
            var function = j - k + 1 + m;
            if (function == 0) continue;
            var at = (function - 1) * Columns;
            for (var c = 0; c < Columns; c++) row[c] += b[m] * _projection[at + c];
        }
    }

    /// <summary>Value and slope of every column at a boundary knot: the line ns extends beyond it.</summary>
    private double[] Line(double boundary)
    {
        var line = new double[2 * Columns];
        var j = CubicBSpline.Interval(_knots, boundary);
        Project(j, boundary, 0, line.AsSpan(0, Columns));
        Project(j, boundary, 1, line.AsSpan(Columns, Columns));
        return line;
    }
}
