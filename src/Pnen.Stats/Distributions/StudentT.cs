namespace Pnen.Stats.Distributions;

/// <summary>Student's t distribution.</summary>
public static class StudentT
{
    /// <summary>P(|T| ≥ |t|) with df degrees of freedom.</summary>
    public static double TwoSidedP(double t, double df)
    {
        if (!(df > 0)) throw new ArgumentOutOfRangeException(nameof(df), df, "degrees of freedom must be positive");
        if (double.IsNaN(t)) throw new ArgumentOutOfRangeException(nameof(t), t, "the statistic is not a number");
        if (double.IsInfinity(t)) return 0;
        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
    }

    /// <summary>P(T ≥ t) with df degrees of freedom.</summary>
    public static double UpperTail(double t, double df)
    {
        var half = 0.5 * TwoSidedP(t, df);
        return t >= 0 ? half : 1 - half;
    }
}
