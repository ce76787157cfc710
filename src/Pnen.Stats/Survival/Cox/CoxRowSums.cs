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
}
