namespace Pnen.Stats.LinearAlgebra;

/// <summary>
/// The Cholesky decomposition C = F D F' (F unit lower triangular, D diagonal) of a symmetric
/// non-negative definite matrix, tolerant of singularity the way R survival's cholesky2,
/// chsolve2 and chinv2 are: a pivot below tolerance × the largest diagonal is set to zero, its
/// column is treated as redundant, and solves and inverses then act as a generalised inverse.
/// This is how Cox regression finds collinear covariates and keeps going without them.
/// Matrices are n × n, row-major, in a flat array; element [i, j] is at i * n + j.
/// </summary>
// Hand-written, not MathNet: R-exactness needs cholesky2's pivot tolerance and its zeroed redundant columns, which MathNet's Cholesky (it throws on singular matrices) does not have.
internal static class GeneralizedCholesky
{
    /// <summary>Factors the matrix in place from its upper triangle (i &lt; j) and diagonal. Returns
    /// the rank, negated when the matrix is not non-negative definite.</summary>
    public static int Decompose(double[] m, int n, double tolerance)
    {
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (m[i * n + i] > largest) largest = m[i * n + i];
            for (var j = i + 1; j < n; j++) m[j * n + i] = m[i * n + j];
        }
        if (largest == 0) return 0; // every column constant
        var eps = largest * tolerance;

        var rank = 0;
        var nonNegative = 1;
        for (var i = 0; i < n; i++)
        {
            var pivot = m[i * n + i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                m[i * n + i] = 0;
                if (pivot < -8 * eps) nonNegative = -1;
                continue;
            }
            rank++;
            for (var j = i + 1; j < n; j++)
            {
                var temp = m[j * n + i] / pivot;
                m[j * n + i] = temp;
                m[j * n + j] -= temp * temp * pivot;
                for (var k = j + 1; k < n; k++) m[k * n + j] -= temp * m[k * n + i];
            }
        }
        return rank * nonNegative;
    }

    /// <summary>Solves C b = y in place, given the decomposition; redundant columns get 0.</summary>
    public static void Solve(double[] m, int n, Span<double> y)
    {
        for (var i = 0; i < n; i++)
        {
            var temp = y[i];
            for (var j = 0; j < i; j++) temp -= y[j] * m[i * n + j];
            y[i] = temp;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            if (m[i * n + i] == 0)
            {
                y[i] = 0;
                continue;
            }
            var temp = y[i] / m[i * n + i];
            for (var j = i + 1; j < n; j++) temp -= y[j] * m[j * n + i];
            y[i] = temp;
        }
    }

    /// <summary>Replaces the decomposition with the (generalised) inverse of C, both triangles
    /// filled; rows and columns of redundant variables are zero.</summary>
    public static void Invert(double[] m, int n)
    {
        // Invert F in the lower triangle and D on the diagonal.
        for (var i = 0; i < n; i++)
        {
            if (m[i * n + i] <= 0) continue;
            m[i * n + i] = 1 / m[i * n + i];
            for (var j = i + 1; j < n; j++)
            {
                m[j * n + i] = -m[j * n + i];
                for (var k = 0; k < i; k++) m[j * n + k] += m[j * n + i] * m[i * n + k];
            }
        }

        // F' D F into the upper triangle.
        for (var i = 0; i < n; i++)
        {
            if (m[i * n + i] == 0)
            {
                for (var j = 0; j < i; j++) m[j * n + i] = 0;
                for (var j = i; j < n; j++) m[i * n + j] = 0;
                continue;
            }
            for (var j = i + 1; j < n; j++)
            {
                var temp = m[j * n + i] * m[j * n + j];
                m[i * n + j] = temp;
                for (var k = i; k < j; k++) m[i * n + k] += temp * m[j * n + k];
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++) m[i * n + j] = m[j * n + i];
        }
    }

    /// <summary>b' C⁻ b and the rank of C: a Wald-type quadratic form with a generalised inverse.</summary>
    public static (double Statistic, int Rank) QuadraticForm(ReadOnlySpan<double> matrix, int n, ReadOnlySpan<double> b, double tolerance)
    {
        var m = matrix.ToArray();
        var rank = Decompose(m, n, tolerance);
        var solved = b.ToArray();
        Solve(m, n, solved);
        var statistic = 0.0;
        for (var i = 0; i < n; i++) statistic += b[i] * solved[i];
        return (statistic, Math.Abs(rank));
    }
}
