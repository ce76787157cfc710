namespace Pnen.Stats.Distributions;

/// <summary>The chi-square distribution.</summary>
public static class ChiSquared
{
    /// <summary>P(X ≥ x) for df degrees of freedom, computed as an upper tail.</summary>
    public static double UpperTail(double x, double df)
    {
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), df, "degrees of freedom must be positive");
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "the statistic is not a number");
        return x <= 0 ? 1 : SpecialFunctions.GammaQ(df / 2, x / 2);
    }
}
