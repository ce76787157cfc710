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
    /// <summary>The variance-covariance matrix of <see cref="Terms"/>' coefficients, row-major.</summary>
    public required IReadOnlyList<double> Variance { get; init; }

    /// <summary>The term for a variable (and level, for a categorical one), or null.</summary>
    public CoxTerm? Term(string variable, string? level = null) =>
        Terms.FirstOrDefault(t => t.Variable == variable && t.Level == level);
}
