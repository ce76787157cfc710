using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox.Firth;

/// <summary>
/// Firth's penalised Cox log-likelihood, its gradient and the (unpenalised) information at β, as
/// coxphf 1.13's Fortran routine LIKE: Breslow's partial likelihood ℓ(β) plus penalty·log|I(β)|,
/// the score U(β) plus penalty·tr(I⁻¹ ∂I/∂β_j), where ∂I/∂β_j needs the risk-set third moments
/// Σ x_j x_k x_l e^{x'β}. One backward pass over the rows sorted by time, with running sums of the
/// first three moments (the third kept for j ≤ k ≤ l only). Every tied death sees the whole risk
/// set (Breslow): coxphf has no Efron option.
/// </summary>
internal sealed class FirthLikelihood
{
    /// <summary>coxphf's floor for a risk-set sum and for |I| before their logarithms.</summary>
    private const double Lowest = 1e-44;

    private readonly double[] _x;
    private readonly int _n;
    private readonly int _p;
    private readonly double[] _time;
    private readonly bool[] _status;
    private readonly double _penalty;

    /// <param name="x">n × p, row-major, rows sorted by time (ascending).</param>
    public FirthLikelihood(double[] x, int n, int p, double[] time, bool[] status, double penalty)
    {
        _x = x;
        _n = n;
        _p = p;
        _time = time;
        _status = status;
        _penalty = penalty;
    }

    public int Columns => _p;

    /// <summary>The penalised log-likelihood, its gradient, the information I(β) and whether
    /// |I| fell below coxphf's floor (its JCODE 2: a numerical problem).</summary>
    public FirthValue Evaluate(double[] beta, bool penalised = true)
    {
        var n = _n;
        var p = _p;
        var x = _x;
        var risk = new double[n];
        var loglik = 0.0;
        for (var r = 0; r < n; r++)
        {
            var eta = 0.0;
            for (var j = 0; j < p; j++) eta += x[r * p + j] * beta[j];
            risk[r] = Math.Exp(eta);
            if (_status[r]) loglik += eta;
        }

        var score = new double[p];
        var info = new double[p * p];
        var dInfo = penalised ? new double[p * p * p] : []; // ∂I(k,l)/∂β_j at [j, k, l], for j ≤ k ≤ l
        var s0 = 0.0;
        var s1 = new double[p];
        var s2 = new double[p * p];
        var s3 = penalised ? new double[p * p * p] : [];
        var r0 = n - 1;
        while (r0 >= 0)
        {
            // The block of rows tied at this time: all join the risk set, then its deaths count.
            var t = _time[r0];
            var deaths = 0;
            for (; r0 >= 0 && _time[r0] == t; r0--)
            {
                var w = risk[r0];
                var row = r0 * p;
                s0 += w;
                for (var j = 0; j < p; j++)
                {
                    var wj = w * x[row + j];
                    s1[j] += wj;
                    for (var k = j; k < p; k++)
                    {
                        var wjk = wj * x[row + k];
                        s2[j * p + k] += wjk;
                        if (!penalised) continue;
                        for (var l = k; l < p; l++) s3[(j * p + k) * p + l] += wjk * x[row + l];
                    }
                }
                if (!_status[r0]) continue;
                deaths++;
                for (var j = 0; j < p; j++) score[j] += x[row + j];
            }
            if (deaths == 0) continue;

            loglik -= deaths * Math.Log(s0 > Lowest ? s0 : Lowest);
            for (var j = 0; j < p; j++)
            {
                var mj = s1[j] / s0;
                score[j] -= deaths * mj;
                for (var k = j; k < p; k++)
                {
                    var mk = s1[k] / s0;
                    info[j * p + k] += deaths * (s2[j * p + k] / s0 - mj * mk);
                    if (!penalised) continue;
                    for (var l = k; l < p; l++)
                    {
                        var ml = s1[l] / s0;
                        // ∂/∂β_j of the risk-set covariance of x_k and x_l.
                        var third = s3[(j * p + k) * p + l] / s0 - s2[k * p + l] / s0 * mj
                            - ml * (s2[j * p + k] / s0 - mk * mj) - mk * (s2[j * p + l] / s0 - ml * mj);
                        dInfo[(j * p + k) * p + l] += deaths * third;
                    }
                }
            }
        }
        for (var j = 0; j < p; j++)
        {
            for (var k = 0; k < j; k++) info[j * p + k] = info[k * p + j];
        }

        var failed = false;
        if (penalised && p > 0)
        {
            var inverse = SymmetricSystem.Inverse(info, p);
            var logDet = LogDeterminant(info, p);
            if (inverse is null || logDet is null || logDet < Math.Log(Lowest))
            {
                failed = true;
                logDet = Math.Log(Lowest);
            }
            if (inverse is not null)
            {
                for (var j = 0; j < p; j++)
                {
                    var trace = 0.0;
                    for (var k = 0; k < p; k++)
                    {
                        for (var l = 0; l < p; l++) trace += inverse[k * p + l] * ThirdMoment(dInfo, p, j, l, k);
                    }
                    score[j] += _penalty * trace;
                }
            }
            loglik += _penalty * logDet.Value;
        }
        return new FirthValue(loglik, score, info, failed);
    }

    private static double ThirdMoment(double[] d, int p, int a, int b, int c)
    {
        // Symmetric in its three indices: read the stored j ≤ k ≤ l entry.
        if (a > b) (a, b) = (b, a);
        if (b > c) (b, c) = (c, b);
        if (a > b) (a, b) = (b, a);
        return d[(a * p + b) * p + c];
    }

    /// <summary>log|I| from a Cholesky factor; null when I is not positive definite.</summary>
    private static double? LogDeterminant(double[] info, int p)
    {
        var l = new double[p * p];
        var sum = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = info[i * p + j];
                for (var k = 0; k < j; k++) value -= l[i * p + k] * l[j * p + k];
                if (i == j)
                {
                    if (!(value > 0)) return null;
                    l[i * p + i] = Math.Sqrt(value);
                    sum += Math.Log(value);
                }
                else
                {
                    l[i * p + j] = value / l[j * p + j];
                }
            }
        }
        return sum;
    }
}

/// <summary>One evaluation: the penalised log-likelihood, its gradient, the information I(β)
/// (row-major), and whether |I| hit coxphf's floor.</summary>
internal sealed record FirthValue(double LogLikelihood, double[] Score, double[] Information, bool Failed);
