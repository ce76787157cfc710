namespace Pnen.Stats.Smoothing;

/// <summary>
/// Ordinary least squares by Householder QR, with R's rank rule (LINPACK dqrdc2, tolerance 1e-7: a
/// column whose remaining norm falls below 1e-7 of its original norm is dependent). Gives the
/// coefficients and, for a new row z, z'(X'X)⁻¹z, which R computes as ‖R⁻ᵀz‖².
/// </summary>
internal sealed class LeastSquares
{
    private const double RankTolerance = 1e-7;
    private readonly double[] _r; // p × p upper triangle

    private LeastSquares(double[] r, double[] coefficients, int p)
    {
        _r = r;
        Coefficients = coefficients;
        Columns = p;
    }

    public int Columns { get; }

    public double[] Coefficients { get; }

    /// <summary>The fit of y on the rows of x (m × p, row-major), or null when x has rank below p.</summary>
    public static LeastSquares? Fit(double[] x, int m, int p, double[] y)
    {
        if (m < p) return null;
        var a = (double[])x.Clone();
        var b = (double[])y.Clone();
        var original = new double[p];
        for (var j = 0; j < p; j++) original[j] = Norm(a, m, p, j, 0);

        for (var k = 0; k < p; k++)
        {
            var norm = Norm(a, m, p, k, k);
            if (norm < RankTolerance * original[k] || norm == 0) return null;
            var alpha = a[k * p + k] > 0 ? -norm : norm;
            var v = new double[m];
            for (var i = k; i < m; i++) v[i] = a[i * p + k];
            v[k] -= alpha;
            var vv = 0.0;
            for (var i = k; i < m; i++) vv += v[i] * v[i];
            for (var j = k; j < p; j++)
            {
                var dot = 0.0;
                for (var i = k; i < m; i++) dot += v[i] * a[i * p + j];
                for (var i = k; i < m; i++) a[i * p + j] -= 2 * dot / vv * v[i];
            }
            var yd = 0.0;
            for (var i = k; i < m; i++) yd += v[i] * b[i];
            for (var i = k; i < m; i++) b[i] -= 2 * yd / vv * v[i];
        }

        var r = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++) r[i * p + j] = a[i * p + j];
        }
        var coefficients = new double[p];
        for (var i = p - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < p; j++) sum -= r[i * p + j] * coefficients[j];
            coefficients[i] = sum / r[i * p + i];
        }
        return new LeastSquares(r, coefficients, p);
    }

    public double Predict(ReadOnlySpan<double> z)
    {
        var sum = 0.0;
        for (var j = 0; j < Columns; j++) sum += z[j] * Coefficients[j];
        return sum;
    }

    /// <summary>z'(X'X)⁻¹z: the variance of the prediction at z per unit residual variance.</summary>
    public double Leverage(ReadOnlySpan<double> z)
    {
        var p = Columns;
        var w = new double[p];
        var sum = 0.0;
        for (var i = 0; i < p; i++)
        {
            var value = z[i];
            for (var j = 0; j < i; j++) value -= _r[j * p + i] * w[j];
            w[i] = value / _r[i * p + i];
            sum += w[i] * w[i];
        }
        return sum;
    }

    private static double Norm(double[] a, int m, int p, int column, int from)
    {
        var sum = 0.0;
        for (var i = from; i < m; i++) sum += a[i * p + column] * a[i * p + column];
        return Math.Sqrt(sum);
    }
}
