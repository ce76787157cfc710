namespace Pnen.Stats.LinearAlgebra;

/// <summary>
/// Solves and inverts small symmetric positive definite matrices (row-major, n × n), saying when
/// one is singular instead of returning noise: the matrix is scaled to a unit diagonal first, so
/// the rank decision of <see cref="GeneralizedCholesky"/> does not depend on the units of the
/// variables (a g(t)·x block in days² beside an x block in units).
/// </summary>
internal static class SymmetricSystem
{
    private static readonly double Tolerance = Math.Pow(2, -52 * 0.75);

    /// <summary>z with M z = b, or null when M is singular.</summary>
    public static double[]? Solve(ReadOnlySpan<double> m, int n, ReadOnlySpan<double> b)
    {
        if (Factor(m, n) is not var (factor, scale)) return null;
        var z = new double[n];
        for (var i = 0; i < n; i++) z[i] = b[i] * scale[i];
        GeneralizedCholesky.Solve(factor, n, z);
        for (var i = 0; i < n; i++) z[i] *= scale[i];
        return z;
    }

    /// <summary>M⁻¹, or null when M is singular.</summary>
    public static double[]? Inverse(ReadOnlySpan<double> m, int n)
    {
        if (Factor(m, n) is not var (factor, scale)) return null;
        GeneralizedCholesky.Invert(factor, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) factor[i * n + j] *= scale[i] * scale[j];
        }
        return factor;
    }

    /// <summary>b' M⁻¹ b, or null when M is singular.</summary>
    public static double? QuadraticForm(ReadOnlySpan<double> m, int n, ReadOnlySpan<double> b)
    {
        if (Solve(m, n, b) is not { } z) return null;
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += b[i] * z[i];
        return sum;
    }

    private static (double[] Factor, double[] Scale)? Factor(ReadOnlySpan<double> m, int n)
    {
        var scale = new double[n];
        for (var i = 0; i < n; i++)
        {
            var d = m[i * n + i];
            if (!(d > 0) || !double.IsFinite(d)) return null;
            scale[i] = 1 / Math.Sqrt(d);
        }
        var factor = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) factor[i * n + j] = m[i * n + j] * scale[i] * scale[j];
        }
        return GeneralizedCholesky.Decompose(factor, n, Tolerance) == n ? (factor, scale) : null;
    }
}
