namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// A fitted Cox proportional hazards model. <see cref="Dropped"/> counts the rows left out for a
/// missing covariate or stratum (complete-case analysis). The global tests are null when no
/// coefficient could be estimated.
/// </summary>
public sealed record CoxResult(
    int N,
    int Events,
    int Dropped,
    int Iterations,
    bool Converged,
    double LogLikelihoodStart,
    double LogLikelihoodEnd,
    CoxGlobalTest? LikelihoodRatio,
    CoxGlobalTest? Wald,
    CoxGlobalTest? Score,
    CoxTies Ties,
    IReadOnlyList<CoxTerm> Terms,
    IReadOnlyList<CoxDroppedTerm> DroppedTerms,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The variance-covariance matrix of <see cref="Terms"/>' coefficients, row-major
    /// (the robust one when <see cref="NaiveVariance"/> is set).</summary>
    public required IReadOnlyList<double> Variance { get; init; }

    /// <summary>The model-based variance when <see cref="Variance"/> is robust (R's naive.var); else null.</summary>
    public IReadOnlyList<double>? NaiveVariance { get; init; }

    /// <summary>R's robust score test (coxph's rscore) when the variance is robust; else null.
    /// With a robust variance <see cref="Wald"/> uses it too, as summary(coxph) does.</summary>
    public CoxGlobalTest? RobustScore { get; init; }

    /// <summary>Number of clusters of the robust variance (rows, when each row is its own); null without one.</summary>
    public int? Clusters { get; init; }

    /// <summary>The term for a variable (and level, for a categorical one), or null.</summary>
    public CoxTerm? Term(string variable, string? level = null) =>
        Terms.FirstOrDefault(t => t.Variable == variable && t.Level == level);
}
