using Pnen.Stats.LinearAlgebra;

using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
namespace Pnen.Stats.Tests.Survival.Reference;

// The straightforward implementation as it was before the registry-scale optimisation (issue 8),
// kept verbatim as the slow reference that the optimised engine is checked against at scale.

/// <summary>
/// Newton-Raphson maximisation of the Cox partial likelihood, step for step as R survival's
/// coxfit6: columns centred and scaled (except those of -1/0/1 values), beta from 0, converged
/// when |1 - ll_old/ll_new| ≤ eps, a generalised Cholesky that zeroes redundant columns, and step
/// halving (towards the last good beta, more strongly each time) when the likelihood falls.
/// Each iteration is one backward pass over the sorted rows: O(n p²) with running sums over the
/// risk set, no allocation.
/// </summary>
internal sealed class ReferenceCoxNewtonRaphson
{
    private readonly ReferenceCoxDesign _design;
    private readonly bool _efron;
    private readonly int _p;
    private readonly double[] _x;
    private readonly double[] _scale;

    // Work arrays of one pass, reused across iterations.
    private readonly double[] _u;
    private readonly double[] _imat;
    private readonly double[] _a;
    private readonly double[] _a2;
    private readonly double[] _cmat;
    private readonly double[] _cmat2;

    public ReferenceCoxNewtonRaphson(ReferenceCoxDesign design, CoxTies ties)
    {
        _design = design;
        _efron = ties == CoxTies.Efron;
        _p = design.Columns;
        _x = (double[])design.X.Clone();
        Means = new double[_p];
        _scale = new double[_p];
        _u = new double[_p];
        _imat = new double[_p * _p];
        _a = new double[_p];
        _a2 = new double[_p];
        _cmat = new double[_p * _p];
        _cmat2 = new double[_p * _p];
        CentreAndScale();
    }

    public double[] Means { get; }

    public ReferenceCoxFit Fit(CoxOptions options)
    {
        var p = _p;
        var beta = new double[p];
        var newBeta = new double[p];
        var loglikStart = Pass(beta);
        var loglik = loglikStart;

        var step = (double[])_u.Clone();
        GeneralizedCholesky.Decompose(_imat, p, options.CholeskyTolerance);
        GeneralizedCholesky.Solve(_imat, p, step);
        var score = 0.0;
        for (var i = 0; i < p; i++) score += _u[i] * step[i];

        if (options.MaxIterations == 0 || !double.IsFinite(loglikStart))
        {
            GeneralizedCholesky.Invert(_imat, p);
            return Finish(beta, loglikStart, loglikStart, score, 0, converged: options.MaxIterations == 0, halved: false);
        }

        for (var i = 0; i < p; i++) newBeta[i] = beta[i] + step[i];
        var halving = 0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var newLoglik = Pass(newBeta);
            GeneralizedCholesky.Decompose(_imat, p, options.CholeskyTolerance);
            var finite = double.IsFinite(newLoglik) && AllFinite(_u) && AllFinite(_imat);

            if (finite && Math.Abs(1 - loglik / newLoglik) <= options.Epsilon)
            {
                GeneralizedCholesky.Invert(_imat, p);
                return Finish(newBeta, loglikStart, newLoglik, score, iteration, converged: true, halved: halving > 0);
            }

            if (!finite || newLoglik < loglik)
            {
                // Not improving: step back towards the last good beta, harder each time.
                halving++;
                for (var i = 0; i < p; i++) newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1.0);
            }
            else
            {
                halving = 0;
                loglik = newLoglik;
                GeneralizedCholesky.Solve(_imat, p, _u);
                for (var i = 0; i < p; i++)
                {
                    beta[i] = newBeta[i];
                    newBeta[i] += _u[i];
                }
            }
        }

        // Out of iterations: report the last good beta with its own score and information.
        var last = Pass(beta);
        GeneralizedCholesky.Decompose(_imat, p, options.CholeskyTolerance);
        GeneralizedCholesky.Invert(_imat, p);
        return Finish(beta, loglikStart, last, score, options.MaxIterations, converged: false, halved: halving > 0);
    }

    private ReferenceCoxFit Finish(double[] scaledBeta, double loglikStart, double loglikEnd, double score, int iterations, bool converged, bool halved)
    {
        var p = _p;
        var beta = new double[p];
        var u = new double[p];
        var variance = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            beta[i] = scaledBeta[i] * _scale[i];
            u[i] = _u[i] / _scale[i];
            for (var j = 0; j < p; j++) variance[i * p + j] = _imat[i * p + j] * _scale[i] * _scale[j];
        }
        return new ReferenceCoxFit(beta, u, variance, loglikStart, loglikEnd, score, iterations, converged, halved);
    }

    private void CentreAndScale()
    {
        var n = _design.Rows;
        var p = _p;
        for (var c = 0; c < p; c++)
        {
            var indicator = true;
            for (var r = 0; r < n && indicator; r++)
            {
                var v = _x[r * p + c];
                indicator = v is 0 or 1 or -1;
            }
            if (indicator || n == 0)
            {
                _scale[c] = 1;
                continue;
            }

            var mean = 0.0;
            for (var r = 0; r < n; r++) mean += _x[r * p + c];
            mean /= n;
            var absSum = 0.0;
            for (var r = 0; r < n; r++)
            {
                _x[r * p + c] -= mean;
                absSum += Math.Abs(_x[r * p + c]);
            }
            var scale = absSum > 0 ? n / absSum : 1.0;
            for (var r = 0; r < n; r++) _x[r * p + c] *= scale;
            Means[c] = mean;
            _scale[c] = scale;
        }
    }

    /// <summary>One pass: the log partial likelihood at beta, its score in _u and the upper
    /// triangle of the information matrix in _imat. Rows are walked from the last time back, so
    /// the risk set only grows.</summary>
    private double Pass(double[] beta)
    {
        var p = _p;
        var x = _x;
        var time = _design.Time;
        var status = _design.Status;
        var last = _design.LastInStratum;
        var u = _u;
        var imat = _imat;
        var a = _a;
        var a2 = _a2;
        var cmat = _cmat;
        var cmat2 = _cmat2;
        Array.Clear(u);
        Array.Clear(imat);
        Array.Clear(a2);
        Array.Clear(cmat2);

        var loglik = 0.0;
        var denom = 0.0;
        var person = _design.Rows - 1;
        while (person >= 0)
        {
            if (last[person])
            {
                denom = 0;
                Array.Clear(a);
                Array.Clear(cmat);
            }

            var deathTime = time[person];
            var deaths = 0;
            var deathRisk = 0.0;
            while (person >= 0 && time[person] == deathTime)
            {
                var row = person * p;
                var zbeta = 0.0;
                for (var i = 0; i < p; i++) zbeta += beta[i] * x[row + i];
                var risk = Math.Exp(zbeta);
                if (!status[person])
                {
                    denom += risk;
                    for (var i = 0; i < p; i++)
                    {
                        var xi = risk * x[row + i];
                        a[i] += xi;
                        for (var j = 0; j <= i; j++) cmat[i * p + j] += xi * x[row + j];
                    }
                }
                else
                {
                    deaths++;
                    deathRisk += risk;
                    loglik += zbeta;
                    for (var i = 0; i < p; i++)
                    {
                        var xi = risk * x[row + i];
                        u[i] += x[row + i];
                        a2[i] += xi;
                        for (var j = 0; j <= i; j++) cmat2[i * p + j] += xi * x[row + j];
                    }
                }
                person--;
                if (person >= 0 && last[person]) break; // ties do not cross strata
            }

            if (deaths == 0) continue;
            if (!_efron || deaths == 1)
            {
                denom += deathRisk;
                loglik -= deaths * Math.Log(denom);
                for (var i = 0; i < p; i++)
                {
                    a[i] += a2[i];
                    var mean = a[i] / denom;
                    u[i] -= deaths * mean;
                    for (var j = 0; j <= i; j++)
                    {
                        cmat[i * p + j] += cmat2[i * p + j];
                        imat[j * p + i] += deaths * (cmat[i * p + j] - mean * a[j]) / denom;
                    }
                }
            }
            else
            {
                // Efron: the k-th of d tied deaths sees the risk set with (k-1)/d of the dying removed.
                for (var k = 0; k < deaths; k++)
                {
                    denom += deathRisk / deaths;
                    loglik -= Math.Log(denom);
                    for (var i = 0; i < p; i++)
                    {
                        a[i] += a2[i] / deaths;
                        var mean = a[i] / denom;
                        u[i] -= mean;
                        for (var j = 0; j <= i; j++)
                        {
                            cmat[i * p + j] += cmat2[i * p + j] / deaths;
                            imat[j * p + i] += (cmat[i * p + j] - mean * a[j]) / denom;
                        }
                    }
                }
            }
            Array.Clear(a2);
            Array.Clear(cmat2);
        }
        return loglik;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) return false;
        }
        return true;
    }
}

/// <summary>The raw outcome of the iterations, on the scale of the data.</summary>
internal sealed record ReferenceCoxFit(
    double[] Beta,
    double[] Score,
    double[] Variance,
    double LogLikelihoodStart,
    double LogLikelihoodEnd,
    double ScoreTest,
    int Iterations,
    bool Converged,
    bool Halved);
