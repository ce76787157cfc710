using System.Text.Json;
using Pnen.Stats.Regression.Splines;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Regression;

/// <summary>
/// The basis of R's splines::ns, value by value, from terms-reference.json ("basis" cases): knots
/// at type 7 quantiles with ties, a knot on the lower boundary, df 1 and 6, linear extrapolation
/// beyond the boundary knots on both sides, given knots, and the inputs on which ns stops.
/// </summary>
public class NaturalSplineTests
{
    /// <summary>The task's tolerance for basis values: they are O(1), so 1e-10 absolute.</summary>
    private const double Tolerance = 1e-10;

    public static IEnumerable<object[]> Cases => TermCases.Names("basis");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesNs(string name)
    {
        var c = TermCases.Named("basis", name);
        var x = c.GetProperty("x").Numbers();
        if (c.GetProperty("error").ValueKind == JsonValueKind.String)
        {
            // R's ns stops ("NA/NaN/Inf in foreign function call"): no basis, and a reason instead.
            Assert.False(NaturalSpline.TryFromQuantiles(x, c.GetProperty("df").GetInt32(), out var none, out var problem), name);
            Assert.Null(none);
            Assert.False(string.IsNullOrEmpty(problem));
            Assert.Throws<ArgumentException>(() => NaturalSpline.FromQuantiles(x, c.GetProperty("df").GetInt32()));
            return;
        }

        var spline = c.GetProperty("knots").ValueKind == JsonValueKind.Array
            ? NaturalSpline.Create(c.GetProperty("knots").Numbers(), c.GetProperty("boundary")[0].GetDouble(), c.GetProperty("boundary")[1].GetDouble())
            : NaturalSpline.FromQuantiles(x, c.GetProperty("df").GetInt32());
        var interior = c.GetProperty("interior").Numbers();
        Assert.Equal(interior.Length, spline.InteriorKnots.Count);
        for (var i = 0; i < interior.Length; i++) Approx.Equal(interior[i], spline.InteriorKnots[i], 1e-13, $"{name} knot {i + 1}");
        var boundary = c.GetProperty("boundary_knots").Numbers();
        Assert.Equal(boundary[0], spline.LowerBoundary);
        Assert.Equal(boundary[1], spline.UpperBoundary);

        var at = c.GetProperty("at").Numbers();
        var rows = c.GetProperty("basis").EnumerateArray().Select(r => r.Numbers()).ToArray();
        Assert.Equal(interior.Length + 1, spline.Columns);
        var basis = spline.Evaluate(at);
        for (var i = 0; i < at.Length; i++)
        {
            Assert.Equal(spline.Columns, rows[i].Length);
            for (var j = 0; j < spline.Columns; j++)
            {
                var actual = basis[i * spline.Columns + j];
                Assert.True(Math.Abs(actual - rows[i][j]) <= Tolerance, $"{name}: x = {at[i]}, column {j + 1}: R {rows[i][j]:R}, got {actual:R}");
            }
        }
    }

    [Fact]
    public void MissingValuesAreIgnoredAsNsIgnoresNa()
    {
        // ns(c(NA, 1:5), df = 2) places its knots on 1:5 (median 3), as ns(1:5, df = 2).
        var spline = NaturalSpline.FromQuantiles([double.NaN, 1, 2, 3, 4, 5], 2);
        Assert.Equal([3.0], spline.InteriorKnots);
        Assert.Equal(1, spline.LowerBoundary);
        Assert.Equal(5, spline.UpperBoundary);
    }

    [Fact]
    public void ExtrapolationIsTheBoundaryTangent()
    {
        // Beyond a boundary knot every column is linear (a natural spline has no curvature there):
        // equal steps in x give equal steps in the basis, and it joins the value at the knot.
        var spline = NaturalSpline.Create([2, 5], 0, 10);
        var row = new double[3];
        var at = new[] { 10.0, 11, 12, -4, -2, 0 };
        var values = at.Select(x => { spline.Evaluate(x, row); return row.ToArray(); }).ToArray();
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(values[1][j] - values[0][j], values[2][j] - values[1][j], 12);
            Assert.Equal(values[4][j] - values[3][j], values[5][j] - values[4][j], 12);
        }
    }

    [Fact]
    public void BadArgumentsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NaturalSpline.FromQuantiles([1, 2, 3], 0));
        Assert.Throws<ArgumentException>(() => NaturalSpline.Create([5], 10, 0));
        Assert.Throws<ArgumentException>(() => NaturalSpline.Create([12], 0, 10));
        Assert.Throws<ArgumentException>(() => NaturalSpline.FromQuantiles([1, double.PositiveInfinity], 2));
        Assert.False(NaturalSpline.TryFromQuantiles([double.NaN], 2, out _, out var problem));
        Assert.Contains("no values", problem, StringComparison.Ordinal);
    }
}
