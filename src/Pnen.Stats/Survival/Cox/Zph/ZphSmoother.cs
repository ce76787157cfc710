using System.Numerics;
using Pnen.Stats.LinearAlgebra;
using Pnen.Stats.Regression.Splines;

namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// The smooth of one panel exactly as R's <c>plot.cox.zph</c> computes it (defaults df = 4,
/// nsmo = 40, se = TRUE): a grid of 40 points over the range of the transformed event times; an
/// <c>ns(df = 4, intercept = TRUE)</c> basis built on the grid and the event times together; least
/// squares of the residuals (those not structurally missing) on it; and the band fit ± 2·√(var·s(x)),
/// where var is the term's diagonal element of the cox.zph variance and s(x) = z'(X'X)⁻¹z.
/// </summary>
internal sealed class ZphSmoother
{
    public const int GridPoints = 40;
    public const int Df = 4;

    private readonly double[] _grid = [];
    private readonly double[][] _gridRows = [];
    private readonly double[][] _eventRows = [];

    /// <summary>The factorisation of every event's basis, made by the first panel to need it (panels
    /// are fitted in parallel; Lazy's default mode makes it once).</summary>
    private readonly Lazy<HouseholderQr?> _fullQr;

    /// <summary>The basis at the grid and at every event (their transformed times), shared by the panels (they differ only in y).</summary>
    public ZphSmoother(double[] x)
    {
        _fullQr = new(() => Factor(null, _eventRows.Length));
        if (x.Length == 0) return;
        var (min, max) = (x[0], x[0]);
        foreach (var value in x)
        {
            if (value < min) min = value;
            if (value > max) max = value;
        }
        if (!(max > min)) return;
        _grid = Grid(min, max);
        // ns(df = 4, intercept = TRUE) spans the same functions as 1 and ns(df = 3): the same two
        // interior knots (the 1/3 and 2/3 quantiles), and the B-spline that ns(intercept = FALSE)
        // leaves out is what the constant adds back. Least squares and leverages depend only on the span.
        if (!NaturalSpline.TryFromQuantiles(Together(_grid, x), Df - 1, out var spline, out _)) return;
        _gridRows = _grid.Select(v => Row(spline, v)).ToArray();
        // Events at one time share a transformed time, and the events come in time order (within
        // a stratum): a run of equal values shares one evaluated row, so a million events with a
        // thousand distinct times cost a thousand evaluations, the same numbers.
        _eventRows = new double[x.Length][];
        for (var i = 0; i < x.Length; i++)
        {
            _eventRows[i] = i > 0 && x[i] == x[i - 1] ? _eventRows[i - 1] : Row(spline, x[i]);
        }
    }

    /// <summary>The grid and the event values, where the knots are placed (their order does not
    /// matter to the quantiles): merged in ascending order when the events come in order (every
    /// unstratified model's do), so that the knots' sort finds them sorted; else one after the other.</summary>
    private static double[] Together(double[] grid, double[] x)
    {
        var result = new double[grid.Length + x.Length];
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i] < x[i - 1])
            {
                grid.CopyTo(result, 0);
                x.CopyTo(result, grid.Length);
                return result;
            }
        }
        var (g, e) = (0, 0);
        for (var at = 0; at < result.Length; at++)
        {
            result[at] = e == x.Length || (g < grid.Length && grid[g] <= x[e]) ? grid[g++] : x[e++];
        }
        return result;
    }

    private static double[] Row(NaturalSpline spline, double x)
    {
        var row = new double[Df];
        row[0] = 1;
        spline.Evaluate(x, row.AsSpan(1));
        return row;
    }

    /// <summary>The grid, fit and band of one panel; null when the spline fit is singular
    /// (plot.cox.zph then skips the variable with a warning) or the variance is not positive.</summary>
    public ZphSmooth? Fit(ZphResidualColumn y, double variance)
    {
        if (_eventRows.Length == 0 || !(variance > 0) || !double.IsFinite(variance)) return null;
        // A panel with a residual at every event (the usual case) reads its residuals as they are
        // and has the basis of every event as its design: that factorisation is made once and
        // shared by such panels, the same numbers each would compute (at a million rows ten
        // factorisations of 500,000 × 4 took a second).
        var values = y.Values;
        var count = values.Length;
        if (y.Missing is { } missing)
        {
            values = new double[count];
            count = 0;
            for (var i = 0; i < missing.Length; i++)
            {
                if (!missing[i]) values[count++] = y.Values[i];
            }
        }
        var qr = y.Missing is null ? _fullQr.Value : Factor(y.Missing, count);
        if (count < Df || qr is null) return null;
        return Smooth(qr, qr.Coefficients(values.AsSpan(0, count)), variance);
    }

    /// <summary>Factorises every event's basis now (panels with a residual at every event use it).</summary>
    public void Prepare() => _ = _fullQr.Value;

    /// <summary>Whether <see cref="Fit(ZphResidualColumn, double)"/> gives a smooth for a panel
    /// with these gaps: the same conditions and factorisations, without the least squares.</summary>
    public bool CanFit(ZphResidualColumn y, double variance)
    {
        if (_eventRows.Length == 0 || !(variance > 0) || !double.IsFinite(variance)) return false;
        var count = _eventRows.Length;
        if (y.Missing is { } missing) count = missing.Count(m => !m);
        var qr = y.Missing is null ? _fullQr.Value : Factor(y.Missing, count);
        return count >= Df && qr is not null;
    }

    /// <summary>
    /// The smooths of all panels (null where <see cref="Fit(ZphResidualColumn, double)"/> gives
    /// null), on two cores: the panels with a residual at every event share the factorisation of
    /// every event's basis and have their least squares solved a SIMD vector of panels at a time
    /// (<see cref="HouseholderQr.Coefficients(IReadOnlyList{double[]})"/>, the same numbers as one
    /// at a time); the others are fitted one by one.
    /// </summary>
    public ZphSmooth?[] Fit(IReadOnlyList<ZphResidualColumn> panels, IReadOnlyList<double> variances)
    {
        var result = new ZphSmooth?[panels.Count];
        var full = new List<int>();
        var others = new List<int>();
        for (var k = 0; k < panels.Count; k++)
        {
            if (_eventRows.Length == 0 || !(variances[k] > 0) || !double.IsFinite(variances[k])) continue;
            (panels[k].Missing is null ? full : others).Add(k);
        }
        var groups = full.Chunk(Vector<double>.Count).ToArray();
        Parallel.For(0, groups.Length + others.Count, i =>
        {
            if (i >= groups.Length)
            {
                var k = others[i - groups.Length];
                result[k] = Fit(panels[k], variances[k]);
                return;
            }
            if (_fullQr.Value is not { } qr) return;
            var group = groups[i];
            var coefficients = qr.Coefficients(group.Select(k => panels[k].Values).ToArray());
            for (var j = 0; j < group.Length; j++) result[group[j]] = Smooth(qr, coefficients[j], variances[group[j]]);
        });
        return result;
    }

    /// <summary>The fit on the grid and its band ± 2·√(var·s(x)).</summary>
    private ZphSmooth Smooth(HouseholderQr qr, double[] coefficients, double variance)
    {
        var fitted = new double[GridPoints];
        var lower = new double[GridPoints];
        var upper = new double[GridPoints];
        for (var g = 0; g < GridPoints; g++)
        {
            var z = _gridRows[g];
            for (var j = 0; j < Df; j++) fitted[g] += z[j] * coefficients[j];
            var half = 2 * Math.Sqrt(variance * qr.Leverage(z));
            upper[g] = fitted[g] + half;
            lower[g] = fitted[g] - half;
        }
        return new ZphSmooth(_grid, fitted, lower, upper);
    }

    /// <summary>The QR factorisation of the basis at the events with a residual (every event when
    /// <paramref name="missing"/> is null).</summary>
    private HouseholderQr? Factor(bool[]? missing, int count)
    {
        if (count < Df) return null;
        var design = new double[count * Df];
        var at = 0;
        for (var i = 0; i < _eventRows.Length; i++)
        {
            if (missing is not null && missing[i]) continue;
            _eventRows[i].CopyTo(design, at);
            at += Df;
        }
        return HouseholderQr.Factor(design, count, Df);
    }

    /// <summary>R's seq(from, to, length.out = 40): from + i·((to − from)/39), the last point exactly to.</summary>
    private static double[] Grid(double from, double to)
    {
        var grid = new double[GridPoints];
        var by = (to - from) / (GridPoints - 1);
        grid[0] = from;
        for (var i = 1; i < GridPoints - 1; i++) grid[i] = from + i * by;
        grid[^1] = to;
        return grid;
    }
}
