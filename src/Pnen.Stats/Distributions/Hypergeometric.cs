namespace Pnen.Stats.Distributions;

/// <summary>
/// The hypergeometric distribution: x white balls among k drawn from an urn of m white and n black
/// (R's <c>dhyper(x, m, n, k)</c>), from MathNet.Numerics' log-binomial coefficients.
/// </summary>
public static class Hypergeometric
{
    /// <summary>log P(X = x); negative infinity outside the support.</summary>
    public static double LogProbability(int x, int m, int n, int k)
    {
        if (m < 0 || n < 0 || k < 0 || k > m + n)
            throw new ArgumentOutOfRangeException(nameof(k), $"invalid urn: m = {m}, n = {n}, k = {k}");
        if (x < Math.Max(0, k - n) || x > Math.Min(k, m)) return double.NegativeInfinity;
        return MathNet.Numerics.Distributions.Hypergeometric.PMFLn(m + n, m, k, x);
    }
}
