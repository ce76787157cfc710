namespace Pnen.Stats.Survival;

/// <summary>
/// R's two rules for reading a time off a step curve. They agree except at the end of a curve
/// that stops on a flat exactly at the requested level, so both are kept, each where R uses it:
/// <see cref="PrintMedian"/> for print(survfit)'s median and its limits, <see cref="Quantile"/>
/// for quantile(survfit). "Exactly" means within sqrt(machine epsilon).
/// </summary>
internal static class QuantileRules
{
    private const double Tolerance = TimeFix.Tolerance;

    /// <summary>
    /// print(survfit): the first time the curve is at or below one half; when it sits at one half
    /// exactly there and drops later, the mean of that time and the time of the next drop.
    /// Null when the curve never reaches one half. Missing curve values are skipped.
    /// </summary>
    public static double? PrintMedian(IReadOnlyList<double> times, IReadOnlyList<double?> curve)
    {
        var first = -1;
        for (var i = 0; i < curve.Count; i++)
        {
            if (curve[i] is { } y && y < 0.5 + Tolerance)
            {
                first = i;
                break;
            }
        }
        if (first < 0) return null;

        var level = curve[first]!.Value;
        if (Math.Abs(level - 0.5) < Tolerance)
        {
            for (var i = first + 1; i < curve.Count; i++)
            {
                if (curve[i] is { } y && y < level) return (times[first] + times[i]) / 2;
            }
        }
        return times[first];
    }

    /// <summary>
    /// quantile(survfit) (R's findq): where a horizontal line at p crosses the cumulative
    /// incidence 1 - curve. A flat exactly at p gives the midpoint of the flat; a flat at p that
    /// ends the curve gives the midpoint between its start and the last time. Null when not reached.
    /// </summary>
    public static double? Quantile(IReadOnlyList<double> times, IReadOnlyList<double?> curve, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability lies in [0, 1]");

        // The curve as R sees it: a point (0, 0) in front, then (time, 1 - S); repeated values
        // (censoring times) removed, keeping the first time of each value.
        var xs = new List<double>(times.Count + 1) { 0 };
        var ys = new List<double?>(times.Count + 1) { 0 };
        var seen = new HashSet<double?> { 0 };
        var max = 0.0;
        for (var i = 0; i < times.Count; i++)
        {
            double? y = curve[i] is { } s ? 1 - s : null;
            if (y is { } v) max = Math.Max(max, v);
            if (!seen.Add(y)) continue;
            xs.Add(times[i]);
            ys.Add(y);
        }
        if (max < p) return null;
        if (p == 0) return xs[0];

        var lastTime = times.Count > 0 ? times[^1] : 0;
        var index1 = ConstantInterpolationIndex(ys, +Tolerance, p);
        var index2 = ConstantInterpolationIndex(ys, -Tolerance, p);
        if (ys[^1] is { } lastY && Math.Abs(p - lastY) < Tolerance && index1 is { } i1)
        {
            return (xs[i1] + lastTime) / 2;
        }
        if (index1 is not { } a || index2 is not { } b) return null;
        return (xs[a] + xs[b]) / 2;
    }

    /// <summary>
    /// approx(ys + shift, 0..n-1, p, method = "constant", f = 1): the index of the first knot at or
    /// beyond p, after dropping missing values and sorting knots by value (ties averaged and
    /// truncated, as R's approx and integer indexing do). Null outside the range of the knots.
    /// </summary>
    private static int? ConstantInterpolationIndex(List<double?> ys, double shift, double p)
    {
        var knots = new List<(double X, int Index)>(ys.Count);
        for (var i = 0; i < ys.Count; i++)
        {
            if (ys[i] is { } y) knots.Add((y + shift, i));
        }
        if (knots.Count == 0) return null;

        var monotone = true;
        for (var i = 1; i < knots.Count && monotone; i++) monotone = knots[i].X > knots[i - 1].X;
        var xs = new List<double>(knots.Count);
        var idx = new List<double>(knots.Count);
        if (monotone)
        {
            foreach (var k in knots)
            {
                xs.Add(k.X);
                idx.Add(k.Index);
            }
        }
        else
        {
            // Only confidence limits can be non-monotone (the upper limit is capped at 1).
            foreach (var group in knots.OrderBy(k => k.X).GroupBy(k => k.X))
            {
                xs.Add(group.Key);
                idx.Add(group.Average(k => (double)k.Index));
            }
        }

        if (p < xs[0] || p > xs[^1]) return null;
        var j = xs.BinarySearch(p);
        var at = j >= 0 ? j : ~j; // the first knot at or beyond p
        return (int)idx[at];
    }
}
