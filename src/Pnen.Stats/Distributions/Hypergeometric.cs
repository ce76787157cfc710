namespace Pnen.Stats.Distributions;

/// <summary>
/// The hypergeometric distribution: x white balls among k drawn from an urn of m white and n black
/// (R's <c>dhyper(x, m, n, k)</c>).
/// </summary>
public static class Hypergeometric
{
    /// <summary>log P(X = x); negative infinity outside the support.</summary>
    public static double LogProbability(int x, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0 || k > m + n)
            throw new ArgumentOutOfRangeException(nameof(k), $"invalid urn: m = {m}, n = {n}, k = {k}");
        if (x < Math.Max(0, k - n) || x > Math.Min(k, m)) return double.NegativeInfinity;
        return LogChoose(m, x) + LogChoose(n, k - x) - LogChoose(m + n, k);
    }

    private static double LogChoose(int n, int k) => LogFactorial.Of(n) - LogFactorial.Of(k) - LogFactorial.Of(n - k);
}
