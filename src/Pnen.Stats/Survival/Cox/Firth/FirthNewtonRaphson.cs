using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox.Firth;

/// <summary>
/// The maximisation of coxphf 1.13 (its Fortran routine FIRTHCOX), step for step, so that its
/// estimates are reproduced to the last digits its convergence rule leaves: the step is I(β)⁻¹ times
/// the penalised score over the free coefficients (the unpenalised information, not the penalised
/// Hessian), each component capped at <see cref="FirthOptions.MaxStep"/>; from the second iteration
/// on, a step that does not raise the penalised likelihood is halved towards the previous β up to
/// <see cref="FirthOptions.MaxHalvings"/> + 1 times; converged when no coefficient moved more than
/// <see cref="FirthOptions.Epsilon"/> and no free score component exceeds
/// <see cref="FirthOptions.GradientTolerance"/>. Fixed coefficients (a restricted fit for a
/// likelihood-ratio test) keep their given value.
/// </summary>
internal static class FirthNewtonRaphson
{
    /// <param name="start">Values of the fixed coefficients; free ones start at 0, as coxphf.</param>
    /// <param name="free">Which coefficients are estimated.</param>
    public static FirthIterations Run(FirthLikelihood likelihood, double[] start, bool[] free, FirthOptions options)
    {
        var p = likelihood.Columns;
        var beta = new double[p];
        for (var i = 0; i < p; i++) beta[i] = free[i] ? 0 : start[i];
        var anyFree = free.Any(f => f);
        var value = likelihood.Evaluate(beta);
        var startLoglik = value.LogLikelihood;
        var loglik = 0.0;
        var iteration = 0;
        var converged = false;
        while (!converged && iteration < options.MaxIterations)
        {
            iteration++;
            var previous = (double[])beta.Clone();
            var previousLoglik = loglik;
            if (value.Failed) return new FirthIterations(beta, value, startLoglik, iteration, false, true);
            loglik = value.LogLikelihood;
            if (anyFree)
            {
                var inverse = SymmetricSystem.Inverse(value.Information, p);
                if (inverse is null) return new FirthIterations(beta, value, startLoglik, iteration, false, true);
                for (var i = 0; i < p; i++)
                {
                    if (!free[i]) continue;
                    var step = 0.0;
                    for (var j = 0; j < p; j++)
                    {
                        if (free[j]) step += inverse[i * p + j] * value.Score[j];
                    }
                    beta[i] += Math.Clamp(step, -options.MaxStep, options.MaxStep);
                }
                value = likelihood.Evaluate(beta);
                loglik = value.LogLikelihood;
                for (var halving = 0; iteration != 1 && loglik <= previousLoglik && halving <= options.MaxHalvings; halving++)
                {
                    for (var i = 0; i < p; i++)
                    {
                        if (free[i]) beta[i] = (beta[i] + previous[i]) / 2;
                    }
                    value = likelihood.Evaluate(beta);
                    loglik = value.LogLikelihood;
                }
            }
            converged = true;
            for (var i = 0; i < p && anyFree; i++)
            {
                if (Math.Abs(beta[i] - previous[i]) > options.Epsilon) converged = false;
                if (free[i] && Math.Abs(value.Score[i]) > options.GradientTolerance) converged = false;
            }
        }
        return new FirthIterations(beta, value, startLoglik, iteration, converged, value.Failed);
    }
}

/// <summary>Where the iterations ended: β (standardised), the evaluation there, the penalised
/// log-likelihood at the start, how many iterations, and whether they converged or failed numerically.</summary>
internal sealed record FirthIterations(double[] Beta, FirthValue Value, double StartLogLikelihood, int Iterations, bool Converged, bool Failed);
