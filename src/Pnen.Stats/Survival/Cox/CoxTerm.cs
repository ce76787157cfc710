namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// One estimated coefficient. <see cref="Level"/> is null for a numeric covariate and the level
/// compared with the reference for a categorical one. <see cref="PossiblyInfinite"/> flags a
/// coefficient that is running off to ±∞ (monotone likelihood, e.g. a level with no events): its
/// numbers are where the iterations stopped, not an estimate.
/// </summary>
public sealed record CoxTerm(
    string Variable,
    string? Level,
    double Coefficient,
    double StdErr,
    double Z,
    double PValue,
    double HazardRatio,
    double Lower,
    double Upper,
    bool PossiblyInfinite)
{
    /// <summary>The model-based standard error when <see cref="StdErr"/> (and z, p and the limits
    /// with it) comes from a robust variance, as summary(coxph)'s "se(coef)" beside "robust se";
    /// null when the variance is the model-based one.</summary>
    public double? NaiveStdErr { get; init; }
}

/// <summary>A design column left out of the model, and why (constant, collinear, or empty level).</summary>
public sealed record CoxDroppedTerm(string Variable, string? Level, string Reason);

/// <summary>A global test of the model: likelihood ratio, Wald or score.</summary>
public sealed record CoxGlobalTest(double ChiSquare, int DegreesOfFreedom, double PValue);
