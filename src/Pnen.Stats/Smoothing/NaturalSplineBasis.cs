namespace Pnen.Stats.Smoothing;

/// <summary>
/// A natural cubic spline basis with an intercept, as R's <c>splines::ns(x, df, intercept = TRUE)</c>:
/// boundary knots at the range of x, df − 2 interior knots at equally spaced quantiles of x (type 7),
/// the cubic B-splines on them restricted to the subspace whose second derivative is zero at both
/// boundary knots. R takes that subspace from a QR decomposition; any basis of it spans the same
/// functions, so least-squares fits and their standard errors are the same.
/// </summary>
internal sealed class NaturalSplineBasis
{
    private readonly BSplines _splines;
    private readonly double[] _null; // Count × Df: columns spanning the natural subspace

    private NaturalSplineBasis(BSplines splines, double[] nullSpace, int df)
    {
        _splines = splines;
        _null = nullSpace;
        Df = df;
    }

    public int Df { get; }

    /// <param name="x">Values whose range and quantiles place the knots (not all equal).</param>
    /// <param name="df">Degrees of freedom, at least 2.</param>
    public static NaturalSplineBasis For(IReadOnlyList<double> x, int df)
    {
        if (df < 2) throw new ArgumentOutOfRangeException(nameof(df), df, "at least 2");
        var sorted = x.ToArray();
        Array.Sort(sorted);
        var (low, high) = (sorted[0], sorted[^1]);
        if (!(high > low)) throw new ArgumentException("the values must not all be equal", nameof(x));

        var interior = df - 2;
        var knots = new List<double> { low, low, low, low };
        var step = 1.0 / (interior + 1);
        for (var i = 1; i <= interior; i++) knots.Add(Quantile(sorted, i * step));
        knots.AddRange([high, high, high, high]);
        knots.Sort();
        var splines = new BSplines(knots.ToArray());

        // Second derivatives at the boundaries: two constraints on the Count = df + 2 coefficients.
        var count = splines.Count;
        var constraints = new double[2][] { splines.Derivatives(low, 2), splines.Derivatives(high, 2) };
        return new NaturalSplineBasis(splines, OrthogonalComplement(constraints, count), df);
    }

    /// <summary>The Df basis values at x.</summary>
    public double[] Row(double x)
    {
        var b = _splines.Values(x);
        var row = new double[Df];
        for (var j = 0; j < Df; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < b.Length; i++) sum += b[i] * _null[i * Df + j];
            row[j] = sum;
        }
        return row;
    }

    /// <summary>R's quantile(type = 7) of sorted values: (1 − h)·x[lo] + h·x[hi] at index 1 + (n − 1)p.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var index = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(index);
        var hi = (int)Math.Ceiling(index);
        var h = index - lo;
        return h > 0 && sorted[hi] != sorted[lo] ? (1 - h) * sorted[lo] + h * sorted[hi] : sorted[lo];
    }

    /// <summary>An orthonormal basis (n × (n − rows), row-major) of the vectors orthogonal to the
    /// given rows, from Householder reflections of the rows (the last columns of Q in QR of their transpose).</summary>
    private static double[] OrthogonalComplement(double[][] rows, int n)
    {
        // Q starts as the identity; each reflection H = I − 2 v v'/v'v is applied on the right.
        var q = new double[n * n];
        for (var i = 0; i < n; i++) q[i * n + i] = 1;
        var a = rows.Select(r => (double[])r.Clone()).ToArray();
        for (var k = 0; k < a.Length; k++)
        {
            var norm = 0.0;
            for (var i = k; i < n; i++) norm += a[k][i] * a[k][i];
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            var v = new double[n];
            var alpha = a[k][k] > 0 ? -norm : norm;
            for (var i = k; i < n; i++) v[i] = a[k][i];
            v[k] -= alpha;
            var vv = 0.0;
            for (var i = k; i < n; i++) vv += v[i] * v[i];
            if (vv == 0) continue;
            foreach (var row in a.Skip(k))
            {
                var dot = 0.0;
                for (var i = k; i < n; i++) dot += v[i] * row[i];
                for (var i = k; i < n; i++) row[i] -= 2 * dot / vv * v[i];
            }
            for (var r = 0; r < n; r++)
            {
                var dot = 0.0;
                for (var i = k; i < n; i++) dot += q[r * n + i] * v[i];
                for (var i = k; i < n; i++) q[r * n + i] -= 2 * dot / vv * v[i];
            }
        }
        var m = n - rows.Length;
        var result = new double[n * m];
        for (var r = 0; r < n; r++)
        {
            for (var j = 0; j < m; j++) result[r * m + j] = q[r * n + rows.Length + j];
        }
        return result;
    }
}
