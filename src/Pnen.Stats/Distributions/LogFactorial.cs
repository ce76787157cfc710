namespace Pnen.Stats.Distributions;

/// <summary>log n! for counts, as a table for the exact tests that evaluate it millions of times.</summary>
public static class LogFactorial
{
    /// <summary>log n! for n ≥ 0.</summary>
    public static double Of(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a factorial needs a non-negative count");
        return n < 2 ? 0 : SpecialFunctions.LogGamma(n + 1.0);
    }

    /// <summary>A table t with t[k] = log k! for k = 0..<paramref name="max"/>.</summary>
    public static double[] Table(int max)
    {
        if (max < 0) throw new ArgumentOutOfRangeException(nameof(max), max, "the table needs a non-negative size");
        var table = new double[max + 1];
        // Each entry from log-gamma (not a running sum of logs) so the error does not grow with k.
        for (var k = 2; k <= max; k++) table[k] = SpecialFunctions.LogGamma(k + 1.0);
        return table;
    }
}
