namespace Pnen.Stats.LinearAlgebra;

/// <summary>
/// Solves and inverts small symmetric positive definite matrices (row-major, n × n) through
/// <see cref="ScaledCholesky"/>, answering null for a singular matrix instead of a generalised
/// inverse: a score test or a Newton step with a redundant direction has no defined value.
/// </summary>
internal static class SymmetricSystem
{
    private static readonly double Tolerance = Math.Pow(2, -52 * 0.75);

    /// <summary>z with M z = b, or null when M is singular.</summary>
    public static double[]? Solve(ReadOnlySpan<double> m, int n, ReadOnlySpan<double> b)
    {
        var factor = new ScaledCholesky(m, n, Tolerance);
        if (factor.Rank < n) return null;
        var z = b.ToArray();
        factor.Solve(z);
        return z;
    }

    /// <summary>M⁻¹, or null when M is singular.</summary>
    public static double[]? Inverse(ReadOnlySpan<double> m, int n)
    {
        var factor = new ScaledCholesky(m, n, Tolerance);
        return factor.Rank < n ? null : factor.Inverse();
    }

    /// <summary>b' M⁻¹ b, or null when M is singular.</summary>
    public static double? QuadraticForm(ReadOnlySpan<double> m, int n, ReadOnlySpan<double> b)
    {
        if (Solve(m, n, b) is not { } z) return null;
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += b[i] * z[i];
        return sum;
    }
}
