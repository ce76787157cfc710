namespace Pnen.Stats.Smoothing;

/// <summary>
/// Cubic B-splines on a knot vector, by the Cox-de Boor recursion, as R's
/// <c>splines::splineDesign(knots, x, ord = 4)</c>: basis i is nonzero on [t_i, t_{i+4}); the
/// right end of the knot vector belongs to the last nonempty interval, so the basis is continuous
/// up to and including the right boundary.
/// </summary>
internal sealed class BSplines
{
    private const int Order = 4;
    private readonly double[] _knots;

    public BSplines(double[] knots)
    {
        if (knots.Length < 2 * Order) throw new ArgumentException("a cubic B-spline basis needs at least 8 knots", nameof(knots));
        _knots = knots;
    }

    /// <summary>How many basis functions there are: knots − 4.</summary>
    public int Count => _knots.Length - Order;

    /// <summary>The value of every basis function at x (x within the boundary knots).</summary>
    public double[] Values(double x) => Derivatives(x, 0);

    /// <summary>The <paramref name="derivative"/>-th derivative (0, 1 or 2) of every basis function at x.</summary>
    public double[] Derivatives(double x, int derivative)
    {
        if (derivative is < 0 or >= Order) throw new ArgumentOutOfRangeException(nameof(derivative), derivative, "0 to 3");
        var t = _knots;
        var m = t.Length;

        // Order 1: the indicator of the interval holding x.
        var b = new double[m - 1];
        var interval = -1;
        for (var i = 0; i < m - 1; i++)
        {
            if (t[i] <= x && x < t[i + 1]) interval = i;
        }
        if (interval < 0 && x == t[m - 1])
        {
            for (var i = m - 2; i >= 0 && interval < 0; i--)
            {
                if (t[i] < t[i + 1]) interval = i;
            }
        }
        if (interval < 0) throw new ArgumentOutOfRangeException(nameof(x), x, "outside the knots");
        b[interval] = 1;

        // Raise the order to 4 - derivative by the recursion, then differentiate.
        var top = Order - derivative;
        for (var k = 2; k <= top; k++) b = Raise(b, k, x);
        for (var k = top + 1; k <= Order; k++) b = Differentiate(b, k);
        return b;
    }

    /// <summary>Order k−1 values to order k: B_{i,k} = w_{i,k} B_{i,k−1} + (1 − w_{i+1,k}) B_{i+1,k−1}.</summary>
    private double[] Raise(double[] lower, int k, double x)
    {
        var t = _knots;
        var next = new double[lower.Length - 1];
        for (var i = 0; i < next.Length; i++)
        {
            var left = t[i + k - 1] - t[i];
            var right = t[i + k] - t[i + 1];
            var value = 0.0;
            if (left > 0) value += (x - t[i]) / left * lower[i];
            if (right > 0) value += (t[i + k] - x) / right * lower[i + 1];
            next[i] = value;
        }
        return next;
    }

    /// <summary>Order k−1 functions (or their derivatives) to the derivative of order k:
    /// B'_{i,k} = (k−1) (B_{i,k−1} / (t_{i+k−1} − t_i) − B_{i+1,k−1} / (t_{i+k} − t_{i+1})).</summary>
    private double[] Differentiate(double[] lower, int k)
    {
        var t = _knots;
        var next = new double[lower.Length - 1];
        for (var i = 0; i < next.Length; i++)
        {
            var left = t[i + k - 1] - t[i];
            var right = t[i + k] - t[i + 1];
            var value = 0.0;
            if (left > 0) value += lower[i] / left;
            if (right > 0) value -= lower[i + 1] / right;
            next[i] = (k - 1) * value;
        }
        return next;
    }
}
