using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pnen.Stats.Survival.Cox;

/// <summary>One row into a risk set's running sums, as coxfit6 and agfit4 add it, a SIMD vector of columns at a time.</summary>
internal static class CoxRowSums
{
    /// <summary>a += r·x and the lower triangle of cmat += r·x x' for the row starting at x[row];
    /// cmat rows are <paramref name="stride"/> (a whole number of vectors) apart. Each element gets
    /// (r·x_i)·x_j added, exactly as the scalar loop would compute it; what lands past column i feeds
    /// upper-triangle cells nobody reads. x needs <see cref="CoxLikelihoodPass.Padding"/> values
    /// after its last row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(double[] a, double[] cmat, double[] x, int row, int p, int stride, double r)
    {
        ref var cmatStart = ref MemoryMarshal.GetArrayDataReference(cmat);
        ref var rowStart = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), row);
        for (var i = 0; i < p; i++)
        {
            var xi = r * Unsafe.Add(ref rowStart, i);
            a[i] += xi;
            var scaled = new Vector<double>(xi);
            var offset = (nuint)(i * stride);
            for (var j = 0; j <= i; j += Vector<double>.Count)
            {
                var sum = Vector.LoadUnsafe(ref cmatStart, offset + (nuint)j) + scaled * Vector.LoadUnsafe(ref rowStart, (nuint)j);
                sum.StoreUnsafe(ref cmatStart, offset + (nuint)j);
            }
        }
    }

    /// <summary>Four rows' <see cref="Add"/> in one visit of cmat: each element gets the four rows'
    /// terms added one after another in the rows' order, exactly as four calls would add them, but
    /// loaded and stored once instead of four times (the stores, not the arithmetic, bound a row at
    /// a time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add4(double[] a, double[] cmat, double[] x, int p, int stride,
        int row0, double r0, int row1, double r1, int row2, double r2, int row3, double r3)
    {
        ref var cmatStart = ref MemoryMarshal.GetArrayDataReference(cmat);
        ref var x0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), row0);
        ref var x1 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), row1);
        ref var x2 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), row2);
        ref var x3 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), row3);
        for (var i = 0; i < p; i++)
        {
            var xi0 = r0 * Unsafe.Add(ref x0, i);
            var xi1 = r1 * Unsafe.Add(ref x1, i);
            var xi2 = r2 * Unsafe.Add(ref x2, i);
            var xi3 = r3 * Unsafe.Add(ref x3, i);
            a[i] = a[i] + xi0 + xi1 + xi2 + xi3;
            var s0 = new Vector<double>(xi0);
            var s1 = new Vector<double>(xi1);
            var s2 = new Vector<double>(xi2);
            var s3 = new Vector<double>(xi3);
            var offset = (nuint)(i * stride);
            for (var j = 0; j <= i; j += Vector<double>.Count)
            {
                var at = (nuint)j;
                var sum = Vector.LoadUnsafe(ref cmatStart, offset + at);
                sum += s0 * Vector.LoadUnsafe(ref x0, at);
                sum += s1 * Vector.LoadUnsafe(ref x1, at);
                sum += s2 * Vector.LoadUnsafe(ref x2, at);
                sum += s3 * Vector.LoadUnsafe(ref x3, at);
                sum.StoreUnsafe(ref cmatStart, offset + at);
            }
        }
    }
}
