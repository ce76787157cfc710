namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// The likelihood-ratio test of a set of terms: a model against the same model without them
/// (or, for non-linearity, with a spline variable entered linearly), both fitted to the same
/// rows, the complete cases of the larger model. As R's <c>anova(fit0, fit1)</c>:
/// chi-square = |2 (loglik1 − loglik0)|, df = the difference in estimated coefficients (columns
/// dropped as constant or collinear do not count). ChiSquare and PValue are null when df is 0
/// (nothing is tested; R prints a chi-square and P = 1 or 0) or the model has no rows or no events.
/// </summary>
public sealed record CoxLikelihoodRatioTest(
    IReadOnlyList<string> Terms,
    double? ChiSquare,
    int DegreesOfFreedom,
    double? PValue,
    int N,
    double LogLikelihood,
    double ReducedLogLikelihood,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The fit of the smaller model.</summary>
    public required CoxResult Reduced { get; init; }

    /// <summary>The tested terms as one name: "rx:sex", or "edema + albumin".</summary>
    public string Name => string.Join(" + ", Terms);
}
