using System.Runtime.CompilerServices;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// One death time's share of the partial likelihood, its score and information, with Efron's
/// correction summed in closed form. With d tied deaths coxfit6 and agfit4 take d steps, step k
/// removing k/d of the deaths' risk (d2 = D - (k/d)·D_deaths), each weighted by the deaths' mean
/// weight; here the O(d) scalar sums S0 = Σ1/d2, S1 = Σt/d2, Q0 = Σ1/d2², Q1 = Σt/d2² and
/// Q2 = Σt²/d2² (t = k/d) are formed first and the p² information matrix is visited once. Breslow
/// (or a single death) is the one step with the deaths' total weight. Unweighted data have weight
/// d (Breslow) or mean weight 1 (Efron), which leaves every product as it would be without weights.
/// </summary>
internal readonly struct CoxTieSums
{
    private readonly double _s0, _s1, _q0, _q1, _q2;

    /// <summary>The information's weight on the risk set's Σ risk·x x' (Σ w̄/d2 over the tied deaths).</summary>
    public double InverseDenominatorSum => _s0;

    /// <summary>The information's weight on the deaths' own Σ risk·x x' (Σ w̄ t/d2), taken off.</summary>
    public double DeathInverseDenominatorSum => _s1;

    private CoxTieSums(double s0, double s1, double q0, double q1, double q2) => (_s0, _s1, _q0, _q1, _q2) = (s0, s1, q0, q1, q2);

    /// <summary>Subtracts the death time's log-denominators from <paramref name="loglik"/> and returns the sums.</summary>
    /// <param name="deathWeight">Σ w over the deaths (their number, without weights).</param>
    /// <param name="denom">Σ w·exp(η) over the risk set, deaths included.</param>
    /// <param name="deathRisk">Σ w·exp(η) over the deaths.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CoxTieSums At(int deaths, double deathWeight, double denom, double deathRisk, bool efron, ref double loglik)
    {
        if (!efron || deaths < 2)
        {
            loglik -= deathWeight * Math.Log(denom);
            return new CoxTieSums(deathWeight / denom, 0, deathWeight / (denom * denom), 0, 0);
        }
        var meanWeight = deathWeight / deaths;
        double s0 = 0, s1 = 0, q0 = 0, q1 = 0, q2 = 0;
        for (var k = 0; k < deaths; k++)
        {
            var t = (double)k / deaths;
            var d2 = denom - t * deathRisk;
            var inv = 1 / d2;
            loglik -= meanWeight * Math.Log(d2);
            s0 += inv;
            s1 += t * inv;
            var inv2 = inv * inv;
            q0 += inv2;
            q1 += t * inv2;
            q2 += t * t * inv2;
        }
        return new CoxTieSums(meanWeight * s0, meanWeight * s1, meanWeight * q0, meanWeight * q1, meanWeight * q2);
    }

    /// <summary>u -= Σ_k w̄ (a - t a2)/d2 and the upper triangle of imat += Σ_k w̄ [(cmat - t cmat2)/d2 -
    /// (a - t a2)(a - t a2)'/d2²], from the risk set's sums (deaths included) and the deaths' own
    /// (zero for Breslow). cmat rows are <paramref name="stride"/> apart (lower triangle used).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTo(double[] u, double[] imat, int p, double[] a, double[] a2, double[] cmat, double[] cmat2, int stride)
    {
        for (var i = 0; i < p; i++)
        {
            var ai = a[i];
            var a2i = a2[i];
            u[i] -= ai * _s0 - a2i * _s1;
            var ci = i * stride;
            for (var j = 0; j <= i; j++)
            {
                var aj = a[j];
                var a2j = a2[j];
                imat[j * p + i] += cmat[ci + j] * _s0 - cmat2[ci + j] * _s1
                    - (ai * aj * _q0 - (ai * a2j + a2i * aj) * _q1 + a2i * a2j * _q2);
            }
        }
    }

    /// <summary>What <see cref="AddTo"/> adds less the terms in cmat and cmat2: u -= Σ_k w̄ (a - t a2)/d2
    /// and imat -= Σ_k w̄ (a - t a2)(a - t a2)'/d2², for a pass that adds
    /// <see cref="InverseDenominatorSum"/>·cmat - <see cref="DeathInverseDenominatorSum"/>·cmat2 row by row.</summary>
    public void AddOuterProductsTo(double[] u, double[] imat, int p, double[] a, double[] a2)
    {
        for (var i = 0; i < p; i++)
        {
            var ai = a[i];
            var a2i = a2[i];
            u[i] -= ai * _s0 - a2i * _s1;
            for (var j = 0; j <= i; j++)
            {
                var aj = a[j];
                var a2j = a2[j];
                imat[j * p + i] -= ai * aj * _q0 - (ai * a2j + a2i * aj) * _q1 + a2i * a2j * _q2;
            }
        }
    }
}
