namespace Pnen.Stats.Survival.Cox;

/// <summary>Options of a Cox fit. The defaults are R's coxph.control().</summary>
public sealed record CoxOptions
{
    public static readonly CoxOptions Default = new();

    public CoxTies Ties { get; init; } = CoxTies.Efron;

    public int MaxIterations { get; init; } = 20;

    /// <summary>Converged when |1 - loglik_old / loglik_new| ≤ this.</summary>
    public double Epsilon { get; init; } = 1e-9;

    /// <summary>A Cholesky pivot below this × the largest diagonal marks a redundant column
    /// (machine epsilon^0.75, as R).</summary>
    public double CholeskyTolerance { get; init; } = Math.Pow(2, -52 * 0.75);

    /// <summary>A coefficient whose next Newton step exceeds this × |beta| (and Epsilon) after
    /// convergence may be infinite (sqrt(Epsilon), as R).</summary>
    public double InfinityTolerance { get; init; } = Math.Sqrt(1e-9);

    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Merge times that differ by rounding noise (R's timefix = TRUE).</summary>
    public bool TimeFix { get; init; } = true;

    /// <summary>The robust (sandwich) variance: true or false as coxph's <c>robust =</c>; null
    /// follows coxph's default, robust when the data have clusters or a weight that is not a
    /// whole number. Only the <see cref="SurvivalData"/> overload of the fit uses it.</summary>
    public bool? Robust { get; init; }
}
