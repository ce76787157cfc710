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

    /// <summary>Triangle rows [from, to) over every design row, two design rows at a time (the first
    /// row's terms added before the second's, as row by row); a row whose vector reads would run past
    /// the end of x is copied into a padded buffer first.</summary>
    private static void Accumulate(double[] x, int n, int p, double[] w, double[] z, bool scaledRhs, int from, int to, double[] triangle, int stride, double[] rhs)
    {
        if (scaledRhs) Accumulate<ScaledRhs>(x, n, p, w, z, from, to, triangle, stride, rhs);
        else Accumulate<PlainRhs>(x, n, p, w, z, from, to, triangle, stride, rhs);
    }

    private static void Accumulate<TRhs>(double[] x, int n, int p, double[] w, double[] z, int from, int to, double[] triangle, int stride, double[] rhs)
        where TRhs : struct, IRhsTerm
    {
        var sums = new double[p];
        ref var triangleStart = ref MemoryMarshal.GetArrayDataReference(triangle);
        ref var xStart = ref MemoryMarshal.GetArrayDataReference(x);
        var padding = Vector<double>.Count - 1;
        var safe = n;
        while (safe > 0 && (long)(safe - 1) * p + p + padding > x.Length) safe--;
        var i = 0;
        for (; i + 1 < safe; i += 2)
        {
            AddRows<TRhs>(ref Unsafe.Add(ref xStart, i * p), ref Unsafe.Add(ref xStart, (i + 1) * p), p, w[i], z[i], w[i + 1], z[i + 1], from, to, ref triangleStart, stride, sums);
        }
        var buffer = new double[p + padding];
        for (; i < n; i++)
        {
            ref var row = ref Unsafe.Add(ref xStart, i * p);
            if (i >= safe)
            {
                Array.Copy(x, i * p, buffer, 0, p);
                row = ref MemoryMarshal.GetArrayDataReference(buffer);
            }
            AddRow<TRhs>(ref row, p, w[i], z[i], from, to, ref triangleStart, stride, sums);
        }
        for (var a = from; a < to; a++) rhs[a] = sums[a];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow<TRhs>(ref double row, int p, double w, double z, int from, int to, ref double triangleStart, int stride, double[] rhs)
        where TRhs : struct, IRhsTerm
    {
        for (var a = from; a < to; a++)
        {
            var xa = Unsafe.Add(ref row, a);
            var wxa = w * xa;
            rhs[a] += TRhs.Term(wxa, xa, z);
            var scaled = new Vector<double>(wxa);
            var offset = (nuint)(a * stride);
            for (var b = a; b < p; b += Vector<double>.Count)
            {
                var sum = Vector.LoadUnsafe(ref triangleStart, offset + (nuint)b) + scaled * Vector.LoadUnsafe(ref row, (nuint)b);
                sum.StoreUnsafe(ref triangleStart, offset + (nuint)b);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRows<TRhs>(ref double row1, ref double row2, int p, double w1, double z1, double w2, double z2, int from, int to,
        ref double triangleStart, int stride, double[] rhs)
        where TRhs : struct, IRhsTerm
    {
        for (var a = from; a < to; a++)
        {
            var xa1 = Unsafe.Add(ref row1, a);
            var xa2 = Unsafe.Add(ref row2, a);
            var wxa1 = w1 * xa1;
            var wxa2 = w2 * xa2;
            rhs[a] = rhs[a] + TRhs.Term(wxa1, xa1, z1) + TRhs.Term(wxa2, xa2, z2);
            var scaled1 = new Vector<double>(wxa1);
            var scaled2 = new Vector<double>(wxa2);
            var offset = (nuint)(a * stride);
            for (var b = a; b < p; b += Vector<double>.Count)
            {
                var sum = Vector.LoadUnsafe(ref triangleStart, offset + (nuint)b) + scaled1 * Vector.LoadUnsafe(ref row1, (nuint)b) + scaled2 * Vector.LoadUnsafe(ref row2, (nuint)b);
                sum.StoreUnsafe(ref triangleStart, offset + (nuint)b);
            }
        }
    }

    /// <summary>A row's term of the right-hand side, chosen at compile time so the row loop has no branch.</summary>
    private interface IRhsTerm
    {
        static abstract double Term(double wxa, double xa, double z);
    }

    /// <summary>IRLS: Σ (w x_a) z.</summary>
    private readonly struct ScaledRhs : IRhsTerm
    {
        public static double Term(double wxa, double xa, double z) => wxa * z;
    }

    /// <summary>The score: Σ z x_a.</summary>
    private readonly struct PlainRhs : IRhsTerm
    {
        public static double Term(double wxa, double xa, double z) => z * xa;
    }
}
