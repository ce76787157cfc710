namespace Pnen.Stats.Descriptive;

/// <summary>Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations.</summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues (returned) and eigenvectors (columns of <paramref name="vectors"/>) of the
    /// symmetric n × n matrix <paramref name="a"/>, which is destroyed.
    /// </summary>
    public static double[] Decompose(double[,] a, out double[,] vectors)
    {
        var n = a.GetLength(0);
        vectors = new double[n, n];
        for (var i = 0; i < n; i++) vectors[i, i] = 1;
        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, scale = 0;
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                if (i != j) off += a[i, j] * a[i, j];
                scale += a[i, j] * a[i, j];
            }
            if (off <= 1e-30 * scale || off == 0) break;
            for (var p = 0; p < n - 1; p++)
            for (var q = p + 1; q < n; q++)
            {
                if (a[p, q] == 0) continue;
                // The rotation angle that zeroes a[p, q] (Golub & Van Loan, Algorithm 8.4.1).
                var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                if (theta == 0) t = 1;
                var c = 1 / Math.Sqrt(t * t + 1);
                var s = t * c;
                for (var k = 0; k < n; k++)
                {
                    double akp = a[k, p], akq = a[k, q];
                    a[k, p] = c * akp - s * akq;
                    a[k, q] = s * akp + c * akq;
                }
                for (var k = 0; k < n; k++)
                {
                    double apk = a[p, k], aqk = a[q, k];
                    a[p, k] = c * apk - s * aqk;
                    a[q, k] = s * apk + c * aqk;
                }
                for (var k = 0; k < n; k++)
                {
                    double vkp = vectors[k, p], vkq = vectors[k, q];
                    vectors[k, p] = c * vkp - s * vkq;
                    vectors[k, q] = s * vkp + c * vkq;
                }
            }
        }
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = a[i, i];
        return values;
    }
}
