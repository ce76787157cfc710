namespace Pnen.Stats.Distributions;

/// <summary>The standard normal distribution, from MathNet.Numerics' error functions: tails computed as
/// tails (erfc), so P(Z &gt; 37) = 5.7e-300 keeps its digits.</summary>
public static class Normal
{
    private const double Sqrt2 = 1.4142135623730950488;

    /// <summary>P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Sqrt2);

    /// <summary>P(Z &gt; z), accurate far into the tail.</summary>
    public static double UpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Sqrt2);

    /// <summary>Two-sided p-value of a z statistic: P(|Z| ≥ |z|).</summary>
    public static double TwoSidedP(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Sqrt2);

    /// <summary>The quantile function (MathNet.Numerics, from the inverse complementary error function;
    /// within 1e-15 relative of R's qnorm from 1e-300 to 1 - 1e-10).</summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability lies in [0, 1]");
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        return MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
    }
}
