using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pnen.Stats.LinearAlgebra;

/// <summary>
/// The Householder QR decomposition of an n × p matrix (n ≥ p, full column rank) with LINPACK's
/// conventions (dqrdc, as R's default qr() calls it through dqrdc2): reflector l is
/// I - u u' / u[0] with u = x / ±‖x‖ + e1, the sign that of x's first element, so that Q comes
/// out with the same signs as R's and the complement of the column space (the last n - p columns
/// of Q) is the same basis, not just the same space. R's limited column pivoting never moves a
/// column of a full-rank matrix, so it is left out: a rank-deficient matrix is refused.
/// </summary>
internal sealed class HouseholderQr
{
    // Reflector l in column l, rows l..n-1, stored column by column (element (i, j) at j·n + i):
    // every step of the factorisation and of Q'y walks one column, which is then contiguous
    // memory instead of a stride of p (a 737,000 × 4 smooth of cox.zph took 3× longer row-major).
    // The arithmetic and its order are as before, so the numbers are the same.
    private readonly double[] _u;
    private readonly double[] _first; // u[0] of each reflector (LINPACK's qraux)
    private readonly double[] _diagonal; // R's diagonal; R's upper triangle is _u's above the diagonal
    private readonly int _n;
    private readonly int _p;

    private HouseholderQr(double[] u, double[] first, double[] diagonal, int n, int p)
    {
        _u = u;
        _first = first;
        _diagonal = diagonal;
        _n = n;
        _p = p;
    }

    /// <summary>Factors a row-major n × p matrix; null when a column is (numerically) a combination
    /// of those before it, or when the matrix holds a value that is not finite.</summary>
    public static HouseholderQr? Factor(ReadOnlySpan<double> matrix, int n, int p)
    {
        if (p > n) throw new ArgumentException($"a {n} × {p} matrix has more columns than rows", nameof(p));
        var x = new double[n * p];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var v = matrix[i * p + j];
                if (!double.IsFinite(v)) return null;
                x[j * n + i] = v;
            }
        }
        var originals = new double[p]; // each column's squared norm before any reflection
        for (var l = 0; l < p; l++)
        {
            var original = 0.0;
            for (var i = 0; i < n; i++) original += x[l * n + i] * x[l * n + i];
            originals[l] = original;
        }
        var first = new double[p];
        var diagonal = new double[p];
        for (var l = 0; l < p; l++)
        {
            var original = originals[l];
            var norm = 0.0;
            for (var i = l; i < n; i++) norm += x[l * n + i] * x[l * n + i];
            norm = Math.Sqrt(norm);
            // dqrdc2's tolerance: a column whose remaining norm is below 1e-7 of its own is redundant.
            if (norm == 0 || norm < 1e-7 * Math.Sqrt(original)) return null;
            if (x[l * n + l] != 0) norm = Math.CopySign(norm, x[l * n + l]);
            diagonal[l] = -norm;
            var scale = 1.0 / norm;
            for (var i = l; i < n; i++) x[l * n + i] *= scale;
            x[l * n + l] += 1;
            for (var j = l + 1; j < p; j++)
            {
                var dot = 0.0;
                for (var i = l; i < n; i++) dot += x[l * n + i] * x[j * n + i];
                var t = -dot / x[l * n + l];
                for (var i = l; i < n; i++) x[j * n + i] += t * x[l * n + i];
            }
            first[l] = x[l * n + l];
        }
        return new HouseholderQr(x, first, diagonal, n, p);
    }

    /// <summary>Q'y in place (R's qr.qty): the reflectors applied in order.</summary>
    public void TransposeTimes(Span<double> y)
    {
        for (var l = 0; l < _p; l++) Reflect(l, y);
    }

    /// <summary>Qy in place (R's qr.qy): the reflectors applied in reverse order.</summary>
    public void Times(Span<double> y)
    {
        for (var l = _p - 1; l >= 0; l--) Reflect(l, y);
    }

    /// <summary>The least-squares coefficients of y on the columns (R's qr.coef): R⁻¹ times the
    /// first p elements of Q'y.</summary>
    public double[] Coefficients(ReadOnlySpan<double> y)
    {
        var qty = y.ToArray();
        TransposeTimes(qty);
        return BackSolve(qty);
    }

    /// <summary>
    /// <see cref="Coefficients(ReadOnlySpan{double})"/> of several y at once, a SIMD vector of them
    /// at a time: their elements are interleaved (row i holds element i of each y) and each
    /// reflector is applied to all of them in one walk down its column. Every lane does the same
    /// operations in the same order as one y alone, so the numbers are the same; the walk's long
    /// chain of dependent additions (a dot product over n rows) now carries several y instead of one.
    /// The y must have one value per row.
    /// </summary>
    public double[][] Coefficients(IReadOnlyList<double[]> ys)
    {
        var width = Vector<double>.Count;
        var result = new double[ys.Count][];
        var y = new double[_n * width];
        for (var g = 0; g < ys.Count; g += width)
        {
            var count = Math.Min(width, ys.Count - g);
            if (count < width) Array.Clear(y); // absent lanes hold zeros
            for (var j = 0; j < count; j++)
            {
                var source = ys[g + j];
                if (source.Length != _n) throw new ArgumentException($"y has {source.Length} values, the matrix {_n} rows", nameof(ys));
                for (var i = 0; i < _n; i++) y[i * width + j] = source[i];
            }
            TransposeTimesInterleaved(y);
            for (var j = 0; j < count; j++)
            {
                var qty = new double[_p];
                for (var i = 0; i < _p; i++) qty[i] = y[i * width + j];
                result[g + j] = BackSolve(qty);
            }
        }
        return result;
    }

    /// <summary>R⁻¹ times the first p elements of Q'y.</summary>
    private double[] BackSolve(double[] qty)
    {
        var b = new double[_p];
        for (var i = _p - 1; i >= 0; i--)
        {
            var sum = qty[i];
            for (var j = i + 1; j < _p; j++) sum -= _u[j * _n + i] * b[j];
            b[i] = sum / _diagonal[i];
        }
        return b;
    }

    /// <summary>z'(X'X)⁻¹z for a row z of length p, as R forms it: ‖R⁻ᵀz‖².</summary>
    public double Leverage(ReadOnlySpan<double> z)
    {
        Span<double> w = _p <= 64 ? stackalloc double[_p] : new double[_p];
        var sum = 0.0;
        for (var i = 0; i < _p; i++)
        {
            var value = z[i];
            for (var j = 0; j < i; j++) value -= _u[i * _n + j] * w[j];
            w[i] = value / _diagonal[i];
            sum += w[i] * w[i];
        }
        return sum;
    }

    /// <summary>
    /// The first p elements of Q'y on every lane of an interleaved block of y (row i at i·width),
    /// as <see cref="Reflect"/> reflector by reflector, in p + 1 walks instead of 2p: reflector l's
    /// update of each row is followed at once by that row's term of reflector l + 1's dot product
    /// (the same updated value the next walk would read, summed in the same order), and the last
    /// reflector updates only its own row (the rows below p never reach the coefficients).
    /// </summary>
    private void TransposeTimesInterleaved(double[] y)
    {
        var width = Vector<double>.Count;
        ref var ys = ref MemoryMarshal.GetArrayDataReference(y);
        ref var us = ref MemoryMarshal.GetArrayDataReference(_u);
        var dot = new Vector<double>(_first[0]) * Vector.LoadUnsafe(ref ys, 0);
        for (var i = 1; i < _n; i++) dot += new Vector<double>(Unsafe.Add(ref us, i)) * Vector.LoadUnsafe(ref ys, (nuint)(i * width));
        for (var l = 0; l < _p; l++)
        {
            var first = new Vector<double>(_first[l]);
            var t = -dot / first;
            (Vector.LoadUnsafe(ref ys, (nuint)(l * width)) + t * first).StoreUnsafe(ref ys, (nuint)(l * width));
            if (l == _p - 1) break;
            var next = l + 1;
            var column = l * _n;
            var nextColumn = next * _n;
            var updated = Vector.LoadUnsafe(ref ys, (nuint)(next * width)) + t * new Vector<double>(Unsafe.Add(ref us, column + next));
            updated.StoreUnsafe(ref ys, (nuint)(next * width));
            var nextDot = new Vector<double>(_first[next]) * updated;
            for (var i = next + 1; i < _n; i++)
            {
                var value = Vector.LoadUnsafe(ref ys, (nuint)(i * width)) + t * new Vector<double>(Unsafe.Add(ref us, column + i));
                value.StoreUnsafe(ref ys, (nuint)(i * width));
                nextDot += new Vector<double>(Unsafe.Add(ref us, nextColumn + i)) * value;
            }
            dot = nextDot;
        }
    }

    private void Reflect(int l, Span<double> y)
    {
        var u0 = _first[l];
        var dot = u0 * y[l];
        for (var i = l + 1; i < _n; i++) dot += _u[l * _n + i] * y[i];
        var t = -dot / u0;
        y[l] += t * u0;
        for (var i = l + 1; i < _n; i++) y[i] += t * _u[l * _n + i];
    }
}
