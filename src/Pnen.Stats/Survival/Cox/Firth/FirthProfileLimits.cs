using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox.Firth;

/// <summary>
/// Profile penalised likelihood confidence limits of one coefficient, as coxphf 1.13's PLCOMP: the
/// iteration of Venzon and Moolgavkar (1988) from the estimate towards the point where the
/// penalised log-likelihood is ℓ(β̂) − χ²₁(level)/2 and the other coefficients are at their
/// constrained maximum: each step is I⁻¹(U + λ e_k) capped at the maximum step, λ = ±√(2(ℓ − target
/// + U'I⁻¹U/2) / (I⁻¹)_kk); done when ℓ is within ε of the target and (U + λe)'I⁻¹(U + λe) ≤ ε.
/// A limit whose iterations reach the maximum (coxphf then reports NA) is null.
/// </summary>
internal static class FirthProfileLimits
{
    public static (double? Lower, double? Upper) Find(FirthLikelihood likelihood, double[] estimate, FirthValue atEstimate, int k, double target, FirthOptions options) =>
        (Side(likelihood, estimate, atEstimate, k, target, -1, options), Side(likelihood, estimate, atEstimate, k, target, +1, options));

    private static double? Side(FirthLikelihood likelihood, double[] estimate, FirthValue atEstimate, int k, double target, int sign, FirthOptions options)
    {
        var p = likelihood.Columns;
        var beta = (double[])estimate.Clone();
        var score = (double[])atEstimate.Score.Clone();
        var inverse = SymmetricSystem.Inverse(atEstimate.Information, p);
        if (inverse is null) return null;
        var lambda = 0.0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var delta = new double[p];
            for (var i = 0; i < p; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < p; j++) sum += (score[j] + (j == k ? lambda : 0)) * inverse[i * p + j];
                delta[i] = Math.Clamp(sum, -options.MaxStep, options.MaxStep);
            }
            for (var i = 0; i < p; i++) beta[i] += delta[i];

            var value = likelihood.Evaluate(beta);
            score = value.Score;
            inverse = SymmetricSystem.Inverse(value.Information, p);
            if (inverse is null || !double.IsFinite(value.LogLikelihood)) return null;
            var gvg = QuadraticForm(score, inverse, p, k, 0);
            lambda = sign * Math.Sqrt(-(2 * (target - value.LogLikelihood - 0.5 * gvg) / inverse[k * p + k]));
            if (!double.IsFinite(lambda)) return null; // coxphf's NaN runs on to its iteration limit: NA
            var converged = Math.Abs(target - value.LogLikelihood) <= options.Epsilon
                && QuadraticForm(score, inverse, p, k, lambda) <= options.Epsilon;
            // coxphf stops at the limit either way and reports NA when the limit was reached.
            if (converged && iteration < options.MaxIterations) return beta[k];
        }
        return null;
    }

    /// <summary>(U + λe_k)' I⁻¹ (U + λe_k).</summary>
    private static double QuadraticForm(double[] score, double[] inverse, int p, int k, double lambda)
    {
        var sum = 0.0;
        for (var i = 0; i < p; i++)
        {
            var ui = score[i] + (i == k ? lambda : 0);
            for (var j = 0; j < p; j++) sum += ui * inverse[i * p + j] * (score[j] + (j == k ? lambda : 0));
        }
        return sum;
    }
}
