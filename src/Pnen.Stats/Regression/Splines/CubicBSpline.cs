namespace Pnen.Stats.Regression.Splines;

/// <summary>
/// Cubic B-splines on a sorted knot vector: the four basis functions that are non-zero on the
/// knot interval holding x, their values (de Boor's recurrence, "A Practical Guide to Splines",
/// BSPLVB) and derivatives (differences of the coefficients, de Boor's BSPLVD). The interval is
/// chosen as R's splineDesign chooses it: the first knot greater than x closes it, except at the
/// last boundary knot, which belongs to the interval on its left.
/// </summary>
internal static class CubicBSpline
{
    public const int Order = 4;

    /// <summary>
    /// The index j of the interval [t[j], t[j+1]) that holds x, or -1 when x lies outside
    /// [t[3], t[^4]] or at a right boundary whose interval has no length (R's splineDesign gives
    /// NaN there). The non-zero basis functions on it are j-3..j.
    /// </summary>
    public static int Interval(ReadOnlySpan<double> knots, double x)
    {
        var last = knots.Length - Order; // the right boundary knot
        if (!(x >= knots[Order - 1] && x <= knots[last])) return -1;
        var close = knots.Length;
        for (var i = 0; i < knots.Length; i++)
        {
            if (knots[i] > x)
            {
                close = i;
                break;
            }
        }
        if (close > last) close = last; // x is the right boundary knot
        var j = close - 1;
        return knots[j] < knots[j + 1] ? j : -1;
    }

    /// <summary>Values of B[j-3..j] at x, where j is <see cref="Interval"/>'s answer for x.</summary>
    public static void Values(ReadOnlySpan<double> knots, int j, double x, Span<double> b) => Values(knots, j, x, Order, b);

    /// <summary>
    /// The derivative of order <paramref name="derivative"/> of B[j-3..j] at x: each function's
    /// coefficient vector (a unit vector) is differenced <paramref name="derivative"/> times,
    /// (k - 1)(a[i] - a[i-1]) / (t[i+k-1] - t[i]), and evaluated with the lower-order B-splines.
    /// Every divisor spans [t[j], t[j+1]], so it is positive.
    /// </summary>
    public static void Derivatives(ReadOnlySpan<double> knots, int j, double x, int derivative, Span<double> d)
    {
        if (derivative == 0)
        {
            Values(knots, j, x, d);
            return;
        }
        var lowOrder = Order - derivative;
        Span<double> low = stackalloc double[Order];
        Values(knots, j, x, lowOrder, low);
        Span<double> coefficients = stackalloc double[Order];
        for (var function = 0; function < Order; function++)
        {
            coefficients.Clear();
            coefficients[function] = 1;
            for (var k = Order; k > lowOrder; k--)
            {
                // Order k: coefficients of B[j-k+1..j]; order k-1: of B[j-k+2..j].
                for (var m = 0; m < k - 1; m++)
                {
                    var i = j - k + 2 + m;
                    coefficients[m] = (k - 1) * (coefficients[m + 1] - coefficients[m]) / (knots[i + k - 1] - knots[i]);
                }
            }
            var sum = 0.0;
            for (var m = 0; m < lowOrder; m++) sum += coefficients[m] * low[m];
            d[function] = sum;
        }
    }

    /// <summary>Values of the B-splines of order k that are non-zero on interval j, B[j-k+1..j],
    /// by the triangular recurrence on the distances to the knots right and left of x.</summary>
    private static void Values(ReadOnlySpan<double> knots, int j, double x, int k, Span<double> b)
    {
        Span<double> right = stackalloc double[Order];
        Span<double> left = stackalloc double[Order];
        b[0] = 1;
        for (var r = 1; r < k; r++)
        {
            right[r - 1] = knots[j + r] - x;
            left[r - 1] = x - knots[j + 1 - r];
            var saved = 0.0;
            for (var s = 0; s < r; s++)
            {
                var term = b[s] / (right[s] + left[r - 1 - s]);
                b[s] = saved + right[s] * term;
                saved = left[r - 1 - s] * term;
            }
            b[r] = saved;
        }
    }
}
