using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pnen.Stats.Regression;

/// <summary>
/// The normal equations of a weighted least-squares step over a row-major design: the upper triangle
/// of X'WX and a right-hand side, each cell a sum over the rows in row order, exactly as the scalar
/// loop <c>for a: wxa = w·x_a; rhs_a += …; for b ≥ a: M_ab += wxa·x_b</c> computes it, but a SIMD
/// vector of columns b at a time (as <see cref="Survival.Cox.CoxRowSums"/>), and, for a large design,
/// the rows a of the triangle split between two cores, each walking every row: no sum is split, so
/// the result is the same bits on any machine.
/// </summary>
internal static class WeightedCrossProducts
{
    /// <summary>Two cores from this many rows on.</summary>
    private const int Parallel = 1 << 15;

    /// <summary>The upper triangle of Σ w_i x_i x_i' (row-major p × p, the lower triangle left 0) and
    /// rhs_a = Σ (w_i x_ia) z_i when <paramref name="scaledRhs"/>, else Σ z_i x_ia.</summary>
    public static (double[] Information, double[] Rhs) Compute(double[] x, int n, int p, double[] w, double[] z, bool scaledRhs)
    {
        var stride = p + Vector<double>.Count - 1;
        var rhs = new double[p];
        var information = new double[p * p];
        if (n < Parallel || p < 2)
        {
            var triangle = new double[p * stride];
            Accumulate(x, n, p, w, z, scaledRhs, 0, p, triangle, stride, rhs);
            CopyOut(triangle, stride, p, 0, p, information);
            return (information, rhs);
        }
        var split = Split(p);
        var first = new double[p * stride];
        var second = new double[p * stride];
        System.Threading.Tasks.Parallel.Invoke(
            () => Accumulate(x, n, p, w, z, scaledRhs, 0, split, first, stride, rhs),
            () => Accumulate(x, n, p, w, z, scaledRhs, split, p, second, stride, rhs));
        CopyOut(first, stride, p, 0, split, information);
        CopyOut(second, stride, p, split, p, information);
        return (information, rhs);
    }

    /// <summary>The first triangle row of the second core: about half the vector operations each.</summary>
    private static int Split(int p)
    {
        var count = Vector<double>.Count;
        var total = 0;
        for (var a = 0; a < p; a++) total += (p - a + count - 1) / count + 1;
        var done = 0;
        for (var a = 0; a < p; a++)
        {
            done += (p - a + count - 1) / count + 1;
            if (2 * done >= total) return Math.Min(a + 1, p - 1);
        }
        return p - 1;
    }

    private static void CopyOut(double[] triangle, int stride, int p, int from, int to, double[] information)
    {
        for (var a = from; a < to; a++)
        {
            for (var b = a; b < p; b++) information[a * p + b] = triangle[a * stride + b];
        }
    }

    /// <summary>Triangle rows [from, to) over every design row; a row whose vector reads would run past
    /// the end of x is copied into a padded buffer first.</summary>
    private static void Accumulate(double[] x, int n, int p, double[] w, double[] z, bool scaledRhs, int from, int to, double[] triangle, int stride, double[] rhs)
    {
        var sums = new double[p];
        ref var triangleStart = ref MemoryMarshal.GetArrayDataReference(triangle);
        ref var xStart = ref MemoryMarshal.GetArrayDataReference(x);
        var padding = Vector<double>.Count - 1;
        var safe = n;
        while (safe > 0 && (long)(safe - 1) * p + p + padding > x.Length) safe--;
        for (var i = 0; i < safe; i++) AddRow(ref Unsafe.Add(ref xStart, i * p), p, w[i], z[i], scaledRhs, from, to, ref triangleStart, stride, sums);
        var buffer = new double[p + padding];
        for (var i = safe; i < n; i++)
        {
            Array.Copy(x, i * p, buffer, 0, p);
            AddRow(ref MemoryMarshal.GetArrayDataReference(buffer), p, w[i], z[i], scaledRhs, from, to, ref triangleStart, stride, sums);
        }
        for (var a = from; a < to; a++) rhs[a] = sums[a];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double row, int p, double w, double z, bool scaledRhs, int from, int to, ref double triangleStart, int stride, double[] rhs)
    {
        for (var a = from; a < to; a++)
        {
            var xa = Unsafe.Add(ref row, a);
            var wxa = w * xa;
            rhs[a] += scaledRhs ? wxa * z : z * xa;
            var scaled = new Vector<double>(wxa);
            var offset = (nuint)(a * stride);
            for (var b = a; b < p; b += Vector<double>.Count)
            {
                var sum = Vector.LoadUnsafe(ref triangleStart, offset + (nuint)b) + scaled * Vector.LoadUnsafe(ref row, (nuint)b);
                sum.StoreUnsafe(ref triangleStart, offset + (nuint)b);
            }
        }
    }
}
