using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Survival.Standardization;

/// <summary>
/// R's <c>sample(n, n, replace = TRUE)</c> on R's generator: each draw is R_unif_index(n) with R ≥ 3.6's
/// default "Rejection" sampling (bits = ⌈log2 n⌉ random bits built 16 at a time from unif_rand(),
/// redrawn while ≥ n; R's src/main/RNG.c). A bootstrap seeded here draws the rows R would.
/// </summary>
internal static class RSample
{
    /// <summary>n indices in [0, n), with replacement.</summary>
    public static int[] WithReplacement(RCompatibleRandom random, int n)
    {
        var result = new int[n];
        var bits = (int)Math.Ceiling(Math.Log2(n));
        for (var i = 0; i < n; i++)
        {
            long value;
            do
            {
                value = Bits(random, bits);
            }
            while (n <= value);
            result[i] = (int)value;
        }
        return result;
    }

    private static long Bits(RCompatibleRandom random, int bits)
    {
        long v = 0;
        for (var k = 0; k <= bits; k += 16)
        {
            var v1 = (int)Math.Floor(random.NextUniform() * 65536);
            v = 65536 * v + v1;
        }
        return v & ((1L << bits) - 1);
    }
}
