using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Regression;

/// <summary>
/// The multinomial logit model by Newton-Raphson on the full Hessian: K outcome levels, one equation
/// of p coefficients for each level but the reference (log P(level) / P(reference) = x'beta). Its
/// maximum is the one R's nnet::multinom reaches by BFGS (multinom's coefficients are that maximum up
/// to its reltol); Newton from the marginal log-odds gets there in a handful of quadratic steps, with
/// step halving when the log-likelihood falls. Standard errors are from the inverse of the observed
/// information at the end, as summary.multinom's Hessian.
/// </summary>
internal static class MultinomialNewton
{
    public sealed record Result(double[] Beta, double[] Variance, bool[] Redundant, double[] Probabilities, double Deviance, int Iterations, bool Converged, double[] NextStep);

    /// <param name="outcome">Codes 0..levels-1 of the analysed rows.</param>
    public static Result Fit(double[] x, int n, int p, int[] outcome, int levels, int reference, LogitOptions options)
    {
        var equations = Equations(levels, reference);
        var q = equations.Length * p;
        var beta = new double[q];

        // Start at the marginal log-odds, so that the first step already sees sensible probabilities.
        var counts = new int[levels];
        foreach (var y in outcome) counts[y]++;
        for (var e = 0; e < equations.Length; e++)
        {
            if (counts[equations[e]] > 0 && counts[reference] > 0) beta[e * p] = Math.Log((double)counts[equations[e]] / counts[reference]);
        }

        var probabilities = new double[n * levels];
        var score = new double[q];
        var information = new double[q * q];
        var loglik = Evaluate(x, n, p, outcome, levels, equations, beta, probabilities, score, information);
        var converged = false;
        var iteration = 0;
        var factor = new ScaledCholesky(information, q, options.CholeskyTolerance);
        while (iteration < options.MultinomialMaxIterations)
        {
            iteration++;
            var step = (double[])score.Clone();
            factor.Solve(step);
            var candidate = new double[q];
            var newLoglik = double.NegativeInfinity;
            for (var halving = 0; halving < 30; halving++)
            {
                var shrink = Math.Pow(0.5, halving);
                for (var k = 0; k < q; k++) candidate[k] = beta[k] + shrink * step[k];
                newLoglik = LogLikelihood(x, n, p, outcome, levels, equations, candidate);
                if (double.IsFinite(newLoglik) && newLoglik >= loglik - 1e-12 * Math.Abs(loglik)) break;
            }
            if (!(double.IsFinite(newLoglik) && newLoglik >= loglik - 1e-12 * Math.Abs(loglik)))
            {
                break; // no step improves: stay at the last good point
            }
            var change = Math.Abs(newLoglik - loglik) / (Math.Abs(newLoglik) + 0.05);
            beta = candidate;
            loglik = Evaluate(x, n, p, outcome, levels, equations, beta, probabilities, score, information);
            factor = new ScaledCholesky(information, q, options.CholeskyTolerance);
            if (change < options.MultinomialEpsilon)
            {
                converged = true;
                break;
            }
        }

        var redundant = new bool[q];
        for (var k = 0; k < q; k++) redundant[k] = factor.IsRedundant(k);
        var next = (double[])score.Clone();
        factor.Solve(next);
        return new Result(beta, factor.Inverse(), redundant, probabilities, -2 * loglik, iteration, converged, next);
    }

    /// <summary>The levels with an equation, in level order (every level but the reference).</summary>
    public static int[] Equations(int levels, int reference) => Enumerable.Range(0, levels).Where(l => l != reference).ToArray();

    private static double LogLikelihood(double[] x, int n, int p, int[] outcome, int levels, int[] equations, double[] beta)
    {
        var eta = new double[levels];
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += LogProbabilities(x, i, p, levels, equations, beta, eta, outcome[i]);
        return sum;
    }

    /// <summary>Fills eta with the log-probabilities of row i (stable softmax) and returns that of level y.</summary>
    private static double LogProbabilities(double[] x, int i, int p, int levels, int[] equations, double[] beta, double[] eta, int y)
    {
        Array.Clear(eta);
        for (var e = 0; e < equations.Length; e++)
        {
            var s = 0.0;
            for (var c = 0; c < p; c++) s += x[i * p + c] * beta[e * p + c];
            eta[equations[e]] = s;
        }
        var max = eta.Max();
        var total = 0.0;
        for (var l = 0; l < levels; l++) total += Math.Exp(eta[l] - max);
        var logTotal = max + Math.Log(total);
        for (var l = 0; l < levels; l++) eta[l] -= logTotal;
        return eta[y];
    }

    /// <summary>The log-likelihood at beta, with the fitted probabilities, the score and the observed
    /// information (Σ x x' p_j (δ_jl - p_l) per pair of equations; upper triangle filled).</summary>
    private static double Evaluate(double[] x, int n, int p, int[] outcome, int levels, int[] equations, double[] beta,
        double[] probabilities, double[] score, double[] information)
    {
        var q = equations.Length * p;
        Array.Clear(score);
        Array.Clear(information);
        var eta = new double[levels];
        var loglik = 0.0;
        for (var i = 0; i < n; i++)
        {
            loglik += LogProbabilities(x, i, p, levels, equations, beta, eta, outcome[i]);
            for (var l = 0; l < levels; l++) probabilities[i * levels + l] = Math.Exp(eta[l]);
            var row = i * p;
            for (var e = 0; e < equations.Length; e++)
            {
                var pe = probabilities[i * levels + equations[e]];
                var residual = (outcome[i] == equations[e] ? 1.0 : 0.0) - pe;
                for (var c = 0; c < p; c++) score[e * p + c] += residual * x[row + c];
                for (var f = e; f < equations.Length; f++)
                {
                    var w = pe * ((e == f ? 1.0 : 0.0) - probabilities[i * levels + equations[f]]);
                    for (var c = 0; c < p; c++)
                    {
                        var wx = w * x[row + c];
                        var start = e == f ? c : 0;
                        for (var d = start; d < p; d++) information[(e * p + c) * q + f * p + d] += wx * x[row + d];
                    }
                }
            }
        }
        return loglik;
    }
}
