using Pnen.Stats.LinearAlgebra;
using Pnen.Stats.Survival;

namespace Pnen.Stats.Regression;

/// <summary>
/// Binary logistic regression by iteratively reweighted least squares, step for step as R's glm.fit
/// with family = binomial: starting values mu = (y + 0.5) / 2, the logit link with its inverse and
/// derivative clamped as binomial()'s C code does (|eta| &gt; 30), convergence when
/// |dev - dev_old| / (|dev| + 0.1) &lt; epsilon, at most maxit iterations, step halving on a
/// non-finite deviance. Standard errors come from the inverse of X'WX of the last least-squares
/// solve (glm's qr, so summary.glm's working weights are those before the final update).
/// </summary>
internal static class LogisticIrls
{
    private const double Threshold = 30;
    private static readonly double Epsilon = Math.Pow(2, -52);

    public sealed record Result(double[] Beta, double[] Variance, bool[] Redundant, double[] Mu, double Deviance, int Iterations, bool Converged, double[] NextStep);

    /// <summary>Rows computed on two cores (each its own, nothing summed across rows) from this many on.</summary>
    private const int ParallelRows = 1 << 15;

    public static Result Fit(double[] x, int n, int p, double[] outcome, LogitOptions options)
    {
        var mu = new double[n];
        var eta = new double[n];
        // exp(eta) clamped as linkinv clamps it, kept from the last update so mu.eta need not take it again.
        var expEta = new double[n];
        for (var i = 0; i < n; i++)
        {
            mu[i] = (outcome[i] + 0.5) / 2;
            eta[i] = Math.Log(mu[i] / (1 - mu[i]));
            expEta[i] = ClampedExp(eta[i]);
        }
        var weights = new double[n];
        var response = new double[n];
        // The deviance's per-row terms go to the working response's array, free once the step is solved.
        var terms = response;
        var devOld = Deviance(outcome, mu, terms);
        var beta = new double[p];
        double[]? betaOld = null;
        ScaledCholesky? factor = null;
        var converged = false;
        var iteration = 0;
        var dev = devOld;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            // Working response and weights, then the weighted least-squares solve.
            TwoHalves.Run(0, n, ParallelRows, (from, to) =>
            {
                for (var i = from; i < to; i++)
                {
                    var derivative = MuEta(eta[i], expEta[i]);
                    var variance = mu[i] * (1 - mu[i]);
                    response[i] = eta[i] + (outcome[i] - mu[i]) / derivative;
                    weights[i] = derivative * derivative / variance;
                }
            });
            var (information, rhs) = WeightedCrossProducts.Compute(x, n, p, weights, response, scaledRhs: true);
            factor = new ScaledCholesky(information, p, options.CholeskyTolerance);
            factor.Solve(rhs);
            var start = rhs;

            dev = Update(x, n, p, outcome, start, eta, expEta, mu, terms);
            for (var halving = 0; !double.IsFinite(dev) && betaOld is not null && halving < 30; halving++)
            {
                for (var a = 0; a < p; a++) start[a] = (start[a] + betaOld[a]) / 2;
                dev = Update(x, n, p, outcome, start, eta, expEta, mu, terms);
            }
            beta = start;
            if (Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1) < options.Epsilon)
            {
                converged = true;
                break;
            }
            devOld = dev;
            betaOld = (double[])beta.Clone();
        }

        var redundant = new bool[p];
        for (var a = 0; a < p; a++) redundant[a] = factor!.IsRedundant(a);
        return new Result(beta, factor!.Inverse(), redundant, mu, dev, iteration, converged, NextStep(x, n, p, outcome, mu, weights, response, options));
    }

    /// <summary>One more Newton step from the final fit, for the separation check: near zero for
    /// converged estimates, about one per iteration for a coefficient running off to infinity.
    /// <paramref name="weights"/> and <paramref name="residuals"/> are scratch of n values.</summary>
    private static double[] NextStep(double[] x, int n, int p, double[] y, double[] mu, double[] weights, double[] residuals, LogitOptions options)
    {
        for (var i = 0; i < n; i++)
        {
            weights[i] = mu[i] * (1 - mu[i]);
            residuals[i] = y[i] - mu[i];
        }
        var (information, score) = WeightedCrossProducts.Compute(x, n, p, weights, residuals, scaledRhs: false);
        new ScaledCholesky(information, p, options.CholeskyTolerance).Solve(score);
        return score;
    }

    /// <summary>eta = X beta, mu = linkinv(eta) row by row (two halves on two cores), then the deviance
    /// summed in row order.</summary>
    private static double Update(double[] x, int n, int p, double[] y, double[] beta, double[] eta, double[] expEta, double[] mu, double[] terms)
    {
        TwoHalves.Run(0, n, ParallelRows, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var e = 0.0;
                for (var a = 0; a < p; a++) e += x[i * p + a] * beta[a];
                eta[i] = e;
                var exp = ClampedExp(e);
                expEta[i] = exp;
                mu[i] = exp / (1 + exp);
            }
        });
        return Deviance(y, mu, terms);
    }

    /// <summary>exp(eta) clamped to [eps, 1/eps] beyond |eta| &gt; 30, as binomial()'s linkinv.</summary>
    private static double ClampedExp(double eta) => eta < -Threshold ? Epsilon : eta > Threshold ? 1 / Epsilon : Math.Exp(eta);

    /// <summary>binomial()$mu.eta from exp(eta) already taken (<see cref="ClampedExp"/>): exp(eta) / (1 + exp(eta))²,
    /// eps beyond |eta| &gt; 30.</summary>
    private static double MuEta(double eta, double exp)
    {
        if (eta > Threshold || eta < -Threshold) return Epsilon;
        return exp / ((1 + exp) * (1 + exp));
    }

    /// <summary>The binomial deviance of 0/1 outcomes: -2 Σ log of the probability of what happened;
    /// each row's term on two cores into <paramref name="terms"/>, then summed in row order.</summary>
    private static double Deviance(double[] y, double[] mu, double[] terms)
    {
        TwoHalves.Run(0, mu.Length, ParallelRows, (from, to) =>
        {
            for (var i = from; i < to; i++) terms[i] = y[i] > 0 ? -2 * Math.Log(mu[i]) : -2 * Math.Log(1 - mu[i]);
        });
        var sum = 0.0;
        for (var i = 0; i < mu.Length; i++) sum += terms[i];
        return sum;
    }

    /// <summary>binomial()$linkinv: exp(eta) clamped to [eps, 1/eps] before eta / (1 + eta).</summary>
    public static double LinkInverse(double eta)
    {
        var e = ClampedExp(eta);
        return e / (1 + e);
    }
}
