namespace Pnen.Stats.Descriptive;

/// <summary>
/// Standardised differences between two groups, as R's tableone computes them: for a continuous
/// variable (m₁ − m₂) / √((s₁² + s₂²)/2); for a categorical one the multinomial Mahalanobis distance
/// of Yang and Dalton (2012).
/// </summary>
public static class StandardizedDifference
{
    // MASS::ginv's tolerance: singular values below √ε times the largest are treated as zero.
    private static readonly double PseudoInverseTolerance = Math.Sqrt(2.220446049250313e-16);

    /// <summary>
    /// (m₁ − m₂) / √((s₁² + s₂²)/2), signed. Both SDs zero: 0 when the means are equal (one constant
    /// across groups, as tableone), otherwise undefined (null).
    /// </summary>
    public static double? Continuous(double mean1, double sd1, double mean2, double sd2)
    {
        if (!double.IsFinite(mean1) || !double.IsFinite(mean2) || !double.IsFinite(sd1) || !double.IsFinite(sd2) || sd1 < 0 || sd2 < 0)
            throw new ArgumentException("means and standard deviations must be finite, SDs non-negative");
        var pooled = Math.Sqrt((sd1 * sd1 + sd2 * sd2) / 2);
        if (pooled == 0) return mean1 == mean2 ? 0 : null;
        return (mean1 - mean2) / pooled;
    }

    /// <summary>The categorical SMD from the level counts of each group (missing values not counted).</summary>
    public static double? Categorical(ReadOnlySpan<int> counts1, ReadOnlySpan<int> counts2)
    {
        if (counts1.Length != counts2.Length) throw new ArgumentException("both groups need the same levels");
        double n1 = 0, n2 = 0;
        foreach (var c in counts1) n1 += c;
        foreach (var c in counts2) n2 += c;
        if (n1 == 0 || n2 == 0) return null;
        var p1 = new double[counts1.Length];
        var p2 = new double[counts2.Length];
        for (var l = 0; l < p1.Length; l++)
        {
            p1[l] = counts1[l] / n1;
            p2[l] = counts2[l] / n2;
        }
        return Categorical(p1, p2);
    }

    /// <summary>
    /// √((p₁ − p₂)ᵀ S⁺ (p₁ − p₂)) over the levels but the first, with S the mean of the two multinomial
    /// covariance matrices (diagonal p(1 − p), off-diagonal −p_k p_l) and S⁺ its Moore-Penrose inverse
    /// (MASS::ginv), as tableone. For two levels it is |p₁ − p₂| / √((p₁(1 − p₁) + p₂(1 − p₂))/2).
    /// S = 0 (each group all in one level): 0 when the proportions agree, otherwise undefined (null).
    /// </summary>
    public static double? Categorical(ReadOnlySpan<double> proportions1, ReadOnlySpan<double> proportions2)
    {
        if (proportions1.Length != proportions2.Length) throw new ArgumentException("both groups need the same levels");
        if (proportions1.Length == 0) throw new ArgumentException("at least one level is needed");
        // The first level is implied by the others; tableone keeps it only for a one-level variable.
        var skip = proportions1.Length > 1 ? 1 : 0;
        var k = proportions1.Length - skip;
        var p = proportions1[skip..];
        var q = proportions2[skip..];
        var difference = new double[k];
        var s = new double[k, k];
        var allZero = true;
        for (var i = 0; i < k; i++)
        {
            difference[i] = p[i] - q[i];
            for (var j = 0; j < k; j++)
            {
                s[i, j] = i == j
                    ? (p[i] * (1 - p[i]) + q[i] * (1 - q[i])) / 2
                    : -(p[i] * p[j] + q[i] * q[j]) / 2;
                if (s[i, j] != 0) allZero = false;
            }
        }
        if (allZero) return difference.All(d => d == 0) ? 0 : null;

        // S⁺ from the eigen-decomposition of the symmetric S (MathNet.Numerics: Householder tridiagonalisation and QL).
        var evd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(s).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(v => v.Real).ToArray();
        var vectors = evd.EigenVectors;
        var largest = eigenvalues.Max(Math.Abs);
        var distance = 0.0;
        for (var e = 0; e < k; e++)
        {
            if (!(Math.Abs(eigenvalues[e]) > PseudoInverseTolerance * largest)) continue;
            var projection = 0.0;
            for (var i = 0; i < k; i++) projection += vectors[i, e] * difference[i];
            distance += projection * projection / eigenvalues[e];
        }
        return Math.Sqrt(Math.Max(0, distance));
    }
}
