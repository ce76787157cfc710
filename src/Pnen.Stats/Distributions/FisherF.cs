namespace Pnen.Stats.Distributions;

/// <summary>The F distribution.</summary>
public static class FisherF
{
    /// <summary>P(F ≥ f) with (df1, df2) degrees of freedom.</summary>
    public static double UpperTail(double f, double df1, double df2)
    {
        if (!(df1 > 0) || !(df2 > 0)) throw new ArgumentOutOfRangeException(nameof(df1), "degrees of freedom must be positive");
        if (double.IsNaN(f)) throw new ArgumentOutOfRangeException(nameof(f), f, "the statistic is not a number");
        if (f <= 0) return 1;
        if (double.IsPositiveInfinity(f)) return 0;
        return SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + df1 * f));
    }
}
