namespace Pnen.Stats.Survival.Cox.Firth;

/// <summary>Options of Firth's penalised Cox fit. The defaults are those of coxphf 1.13 (its
/// <c>maxit</c>, <c>maxhs</c>, <c>epsilon</c>, <c>gconv</c>, <c>maxstep</c>, <c>penalty</c>).</summary>
public sealed record FirthOptions
{
    public static readonly FirthOptions Default = new();

    /// <summary>Confidence level of the profile penalised likelihood limits (coxphf's 1 − alpha).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Newton-Raphson iterations, for the fit, each limit and each restricted fit.</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>Step halvings per iteration when the penalised likelihood falls.</summary>
    public int MaxHalvings { get; init; } = 5;

    /// <summary>Converged when no coefficient moves more than this (on the scale of covariates
    /// divided by their standard deviation), and a limit when its likelihood is this close to the target.</summary>
    public double Epsilon { get; init; } = 1e-6;

    /// <summary>... and no component of the penalised score exceeds this.</summary>
    public double GradientTolerance { get; init; } = 1e-4;

    /// <summary>The largest change of a standardised coefficient in one step.</summary>
    public double MaxStep { get; init; } = 0.5;

    /// <summary>The weight of log|I(β)| in the penalised log-likelihood: 0.5 is Firth's.</summary>
    public double Penalty { get; init; } = 0.5;

    /// <summary>Compute the profile limits and the penalised likelihood-ratio test of each term.</summary>
    public bool ProfileLikelihood { get; init; } = true;

    /// <summary>Merge times that differ by rounding noise (as coxph's timefix), before the ties of Breslow's likelihood.</summary>
    public bool TimeFix { get; init; } = true;

    /// <summary>A Cholesky pivot below this × the largest marks a redundant column, as <see cref="CoxOptions.CholeskyTolerance"/>.</summary>
    public double CholeskyTolerance { get; init; } = Math.Pow(2, -52 * 0.75);
}
