using Pnen.Stats.LinearAlgebra;

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

    public static Result Fit(double[] x, int n, int p, ReadOnlySpan<double> y, LogitOptions options)
    {
        var mu = new double[n];
        var eta = new double[n];
        for (var i = 0; i < n; i++)
        {
            mu[i] = (y[i] + 0.5) / 2;
            eta[i] = Math.Log(mu[i] / (1 - mu[i]));
        }
        var devOld = Deviance(y, mu);
        var beta = new double[p];
        double[]? betaOld = null;
        var information = new double[p * p];
        ScaledCholesky? factor = null;
        var converged = false;
        var iteration = 0;
        var dev = devOld;
        while (iteration < options.MaxIterations)
        {
            iteration++;
            // Working response and weights, then the weighted least-squares solve.
            Array.Clear(information);
            var rhs = new double[p];
            for (var i = 0; i < n; i++)
            {
                var derivative = MuEta(eta[i]);
                var variance = mu[i] * (1 - mu[i]);
                var z = eta[i] + (y[i] - mu[i]) / derivative;
                var w = derivative * derivative / variance;
                var row = i * p;
                for (var a = 0; a < p; a++)
                {
                    var wxa = w * x[row + a];
                    rhs[a] += wxa * z;
                    for (var b = a; b < p; b++) information[a * p + b] += wxa * x[row + b];
                }
            }
            factor = new ScaledCholesky(information, p, options.CholeskyTolerance);
            factor.Solve(rhs);
            var start = rhs;

            dev = Update(x, n, p, y, start, eta, mu);
            for (var halving = 0; !double.IsFinite(dev) && betaOld is not null && halving < 30; halving++)
            {
                for (var a = 0; a < p; a++) start[a] = (start[a] + betaOld[a]) / 2;
                dev = Update(x, n, p, y, start, eta, mu);
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
        return new Result(beta, factor!.Inverse(), redundant, mu, dev, iteration, converged, NextStep(x, n, p, y, mu, options));
    }

    /// <summary>One more Newton step from the final fit, for the separation check: near zero for
    /// converged estimates, about one per iteration for a coefficient running off to infinity.</summary>
    private static double[] NextStep(double[] x, int n, int p, ReadOnlySpan<double> y, double[] mu, LogitOptions options)
    {
        var information = new double[p * p];
        var score = new double[p];
        for (var i = 0; i < n; i++)
        {
            var w = mu[i] * (1 - mu[i]);
            var row = i * p;
            for (var a = 0; a < p; a++)
            {
                score[a] += (y[i] - mu[i]) * x[row + a];
                for (var b = a; b < p; b++) information[a * p + b] += w * x[row + a] * x[row + b];
            }
        }
        new ScaledCholesky(information, p, options.CholeskyTolerance).Solve(score);
        return score;
    }

    private static double Update(double[] x, int n, int p, ReadOnlySpan<double> y, double[] beta, double[] eta, double[] mu)
    {
        for (var i = 0; i < n; i++)
        {
            var e = 0.0;
            for (var a = 0; a < p; a++) e += x[i * p + a] * beta[a];
            eta[i] = e;
            mu[i] = LinkInverse(e);
        }
        return Deviance(y, mu);
    }

    /// <summary>binomial()$linkinv: exp(eta) clamped to [eps, 1/eps] before eta / (1 + eta).</summary>
    public static double LinkInverse(double eta)
    {
        var e = eta < -Threshold ? Epsilon : eta > Threshold ? 1 / Epsilon : Math.Exp(eta);
        return e / (1 + e);
    }

    /// <summary>binomial()$mu.eta: exp(eta) / (1 + exp(eta))², eps beyond |eta| &gt; 30.</summary>
    private static double MuEta(double eta)
    {
        if (eta > Threshold || eta < -Threshold) return Epsilon;
        var e = Math.Exp(eta);
        return e / ((1 + e) * (1 + e));
    }

    /// <summary>The binomial deviance of 0/1 outcomes: -2 Σ log of the probability of what happened.</summary>
    private static double Deviance(ReadOnlySpan<double> y, double[] mu)
    {
        var sum = 0.0;
        for (var i = 0; i < mu.Length; i++) sum += y[i] > 0 ? -2 * Math.Log(mu[i]) : -2 * Math.Log(1 - mu[i]);
        return sum;
    }
}
