namespace Pnen.Stats.Regression;

/// <summary>Which model a <see cref="LogitFit"/> is: binary logistic (R's glm, binomial) or multinomial
/// logit (nnet's multinom).</summary>
public enum LogitKind
{
    Logistic,
    Multinomial,
}

/// <summary>
/// One coefficient: <see cref="Level"/> is the outcome level whose log-odds against the reference it
/// belongs to; <see cref="Variable"/> the covariate ("(Intercept)" for the intercept) and
/// <see cref="TermLevel"/> the covariate's level for a categorical one (null otherwise).
/// <see cref="PossiblyInfinite"/> flags a coefficient still moving when the iterations stopped
/// (separation): its value is where they stopped, not an estimate.
/// </summary>
public sealed record LogitTerm(string Level, string Variable, string? TermLevel, double Coefficient, double StdErr, bool PossiblyInfinite);

/// <summary>A design column left out of the model, and why (constant, an empty level, or collinear).</summary>
public sealed record LogitDroppedTerm(string Variable, string? Level, string Reason);

/// <summary>
/// A fitted logistic or multinomial logit model. <see cref="Rows"/> are the input rows analysed
/// (complete cases, ascending); <see cref="Probabilities"/> holds, for each of them, the fitted
/// probability of every outcome level (Rows.Count × Levels.Count, row-major).
/// </summary>
public sealed record LogitFit(
    LogitKind Kind,
    IReadOnlyList<string> Levels,
    int Reference,
    IReadOnlyList<LogitTerm> Terms,
    IReadOnlyList<LogitDroppedTerm> DroppedTerms,
    int Dropped,
    double Deviance,
    int Iterations,
    bool Converged,
    IReadOnlyList<int> Rows,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<string> Warnings)
{
    public int N => Rows.Count;

    /// <summary>True when some coefficient may be infinite or a fitted probability is numerically 0 or 1.</summary>
    public bool Separation { get; init; }

    /// <summary>The fitted probability of <paramref name="level"/> for the i-th analysed row.</summary>
    public double Probability(int i, int level) => Probabilities[i * Levels.Count + level];
}

/// <summary>Options of the iterative fits. The defaults are R's glm.control() (epsilon 1e-8, at most 25
/// iterations); the multinomial fit is allowed more, as a Newton fit from zero rarely needs them.</summary>
public sealed record LogitOptions
{
    public static readonly LogitOptions Default = new();

    /// <summary>Converged when |dev - dev_old| / (|dev| + 0.1) is below this (glm's criterion).</summary>
    public double Epsilon { get; init; } = 1e-8;

    public int MaxIterations { get; init; } = 25;

    /// <summary>The multinomial fit stops when the deviance changes by less than this (relative).</summary>
    public double MultinomialEpsilon { get; init; } = 1e-12;

    public int MultinomialMaxIterations { get; init; } = 100;

    /// <summary>A scaled Cholesky pivot below this marks a column collinear with those before it.</summary>
    public double CholeskyTolerance { get; init; } = Math.Pow(2, -52 * 0.75);

    /// <summary>A coefficient whose next Newton step after the fit exceeds this × max(1, |beta|) is still
    /// running off to infinity (separation). Converged estimates move by far less (quadratic convergence).</summary>
    public double InfinityTolerance { get; init; } = 1e-4;
}
