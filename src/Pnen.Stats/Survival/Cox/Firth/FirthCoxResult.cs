namespace Pnen.Stats.Survival.Cox.Firth;

/// <summary>
/// A Cox model fitted by Firth's penalised partial likelihood (Heinze &amp; Schemper 2001), as
/// coxphf 1.13: finite estimates even under monotone likelihood. The log-likelihoods are penalised
/// (at β = 0 and at the estimate), <see cref="LikelihoodRatio"/> is the penalised likelihood-ratio
/// test of all terms, <see cref="Wald"/> is β'I(β)β (as summary.coxphf). Breslow's ties always.
/// </summary>
public sealed record FirthCoxResult(
    int N,
    int Events,
    int Dropped,
    int Iterations,
    bool Converged,
    double LogLikelihoodStart,
    double LogLikelihoodEnd,
    CoxGlobalTest? LikelihoodRatio,
    CoxGlobalTest? Wald,
    IReadOnlyList<FirthTerm> Terms,
    IReadOnlyList<CoxDroppedTerm> DroppedTerms,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The inverse of the (unpenalised) information at the estimate, row-major, as coxphf's var.</summary>
    public required IReadOnlyList<double> Variance { get; init; }

    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>The term for a variable (and level, for a categorical one), or null.</summary>
    public FirthTerm? Term(string variable, string? level = null) =>
        Terms.FirstOrDefault(t => t.Variable == variable && t.Level == level);
}

/// <summary>
/// One penalised estimate. <see cref="StdErr"/> and <see cref="Z"/> are Wald's (√ of the variance,
/// β/se). <see cref="Lower"/> and <see cref="Upper"/> are the profile penalised likelihood limits of
/// the hazard ratio; <see cref="ChiSquare"/> and <see cref="PValue"/> the penalised likelihood-ratio
/// test of β = 0 (1 df). Each is null when its iterations did not converge (coxphf gives NA).
/// </summary>
public sealed record FirthTerm(
    string Variable,
    string? Level,
    double Coefficient,
    double StdErr,
    double Z,
    double HazardRatio,
    double? Lower,
    double? Upper,
    double? ChiSquare,
    double? PValue);
