using System.Numerics;

namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// One backward pass over the sorted rows of a fitted model at its β, as R survival's zph1.c: the
/// score U and the full 2p × 2p information of the model extended by g(t)·x (the first p
/// components of U are the fit's own score, zero at convergence), and the unscaled Schoenfeld
/// residual x − x̄(t) of every event. Efron's correction averages x̄ over the d tied deaths with
/// weights k/d, k = 1..d, exactly as zph1.c; Breslow lets every tied death see the full risk set.
/// </summary>
internal sealed class ZphScorePass
{
    private ZphScorePass(int p, double[] u, double[] imat, double[] schoenfeld, int[] eventStratum, double[] eventTime, double[] eventG)
    {
        Columns = p;
        U = u;
        Information = imat;
        Schoenfeld = schoenfeld;
        EventStratum = eventStratum;
        EventTime = eventTime;
        EventG = eventG;
    }

    public int Columns { get; }

    /// <summary>2p: Σ (x − x̄) then Σ g·(x − x̄) over the events.</summary>
    public double[] U { get; }

    /// <summary>2p × 2p, row-major: [[Σ V, Σ gV], [Σ gV, Σ g²V]] with V the risk-set variance of x.</summary>
    public double[] Information { get; }

    /// <summary>Events × p, row-major, events in sorted (stratum, time, row) order.</summary>
    public double[] Schoenfeld { get; }

    public int[] EventStratum { get; }

    public double[] EventTime { get; }

    /// <summary>The transformed time g(t) of each event (not centred).</summary>
    public double[] EventG { get; }

    public int Events => EventStratum.Length;

    /// <param name="g">g(t) per sorted row, centred at its mean over the events (as cox.zph's gtime).</param>
    public static ZphScorePass Run(CoxFittedRows rows, double[] g, double[] rawG, bool efron)
    {
        var p = rows.Columns;
        var q = 2 * p;
        var x = rows.X;
        var time = rows.Time;
        var status = rows.Status;
        var events = status.Count(s => s);
        var u = new double[q];
        var imat = new double[q * q];
        var schoen = new double[events * p];
        var eventStratum = new int[events];
        var eventTime = new double[events];
        var eventG = new double[events];
        var risk = RiskScores(rows.LinearPredictor);

        // The running sums' matrices have rows a whole number of SIMD vectors apart (CoxRowSums).
        var stride = (p + Width - 1) / Width * Width;
        var a = new double[p];
        var a2 = new double[p];
        var cmat = new double[p * stride];
        var cmat2 = new double[p * stride];
        var mean = new double[p];
        var v = new double[p * p];
        var meanOfMeans = new double[p];
        var next = events; // events are filled from the back, so they end up in sorted order

        for (var s = rows.StrataCount - 1; s >= 0; s--)
        {
            var denom = 0.0;
            Array.Clear(a);
            Array.Clear(cmat);
            var person = rows.StratumStart[s + 1] - 1;
            while (person >= rows.StratumStart[s])
            {
                var t = time[person];
                var weight = g[person];
                var deaths = 0;
                var denom2 = 0.0;
                Array.Clear(a2);
                Array.Clear(cmat2);
                for (; person >= rows.StratumStart[s] && time[person] == t; person--)
                {
                    var r = risk[person];
                    var row = person * p;
                    if (!status[person])
                    {
                        denom += r;
                        CoxRowSums.Add(a, cmat, x, row, p, stride, r);
                        continue;
                    }
                    deaths++;
                    denom2 += r;
                    CoxRowSums.Add(a2, cmat2, x, row, p, stride, r);
                    next--;
                    eventStratum[next] = s;
                    eventTime[next] = t;
                    eventG[next] = rawG[person];
                    for (var i = 0; i < p; i++)
                    {
                        schoen[next * p + i] = x[row + i];
                        u[i] += x[row + i];
                        u[p + i] += weight * x[row + i];
                    }
                }
                if (deaths == 0) continue;

                if (!efron || deaths == 1)
                {
                    denom += denom2;
                    for (var i = 0; i < p; i++) a[i] += a2[i];
                    for (var i = 0; i < cmat.Length; i++) cmat[i] += cmat2[i];
                    Moments(a, cmat, denom, p, stride, mean, v);
                    AddTerm(u, imat, mean, v, deaths, weight, p);
                    for (var e = next; e < next + deaths; e++)
                    {
                        for (var i = 0; i < p; i++) schoen[e * p + i] -= mean[i];
                    }
                    continue;
                }

                // Efron: the k-th of d tied deaths sees the others k/d of the way in (k = 1..d).
                // zph1.c forms x̄ and V for each k; they are linear in (a, a2, cmat, cmat2) with
                // scalar factors, so their sums over k take five scalar sums and one p × p pass
                // (the fit's Efron step does the same), not d passes per tied time.
                EfronSums(a, a2, cmat, cmat2, denom, denom2, deaths, p, stride, mean, v);
                AddTerm(u, imat, mean, v, 1, weight, p);
                for (var i = 0; i < p; i++) meanOfMeans[i] = mean[i] / deaths;
                for (var e = next; e < next + deaths; e++)
                {
                    for (var i = 0; i < p; i++) schoen[e * p + i] -= meanOfMeans[i];
                }
                denom += denom2;
                for (var i = 0; i < p; i++) a[i] += a2[i];
                for (var i = 0; i < cmat.Length; i++) cmat[i] += cmat2[i];
            }
        }
        return new ZphScorePass(p, u, imat, schoen, eventStratum, eventTime, eventG);
    }

    private static readonly int Width = Vector<double>.Count;

    private const int ParallelRows = 1 << 16;

    /// <summary>exp(x'β) of every row, two halves of the rows on two cores.</summary>
    private static double[] RiskScores(double[] eta)
    {
        var risk = new double[eta.Length];
        TwoHalves.Run(0, eta.Length, ParallelRows, (from, to) =>
        {
            for (var r = from; r < to; r++) risk[r] = Math.Exp(eta[r]);
        });
        return risk;
    }

    /// <summary>x̄ = a / denom and V = (cmat − a a'/denom) / denom (lower triangle of cmat used,
    /// its rows <paramref name="stride"/> apart).</summary>
    private static void Moments(double[] a, double[] cmat, double denom, int p, int stride, double[] mean, double[] v)
    {
        for (var i = 0; i < p; i++) mean[i] = a[i] / denom;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = (cmat[i * stride + j] - mean[i] * a[j]) / denom;
                v[i * p + j] = value;
                v[j * p + i] = value;
            }
        }
    }

    /// <summary>Σₖ x̄ₖ and Σₖ Vₖ over Efron's d tied deaths, k = 1..d, fₖ = k/d, Dₖ = denom + fₖ·denom2:
    /// x̄ₖ = (a + fₖa2)/Dₖ and Vₖ = (cmat + fₖcmat2)/Dₖ − (a + fₖa2)(a + fₖa2)'/Dₖ².</summary>
    private static void EfronSums(double[] a, double[] a2, double[] cmat, double[] cmat2, double denom, double denom2, int deaths, int p, int stride, double[] meanSum, double[] vSum)
    {
        double s1 = 0, s2 = 0, t1 = 0, t2 = 0, t3 = 0;
        for (var k = 1; k <= deaths; k++)
        {
            var fraction = (double)k / deaths;
            var inverse = 1 / (denom + denom2 * fraction);
            s1 += inverse;
            s2 += fraction * inverse;
            t1 += inverse * inverse;
            t2 += fraction * inverse * inverse;
            t3 += fraction * fraction * inverse * inverse;
        }
        for (var i = 0; i < p; i++) meanSum[i] = a[i] * s1 + a2[i] * s2;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = cmat[i * stride + j] * s1 + cmat2[i * stride + j] * s2
                    - (a[i] * a[j] * t1 + (a[i] * a2[j] + a2[i] * a[j]) * t2 + a2[i] * a2[j] * t3);
                vSum[i * p + j] = value;
                vSum[j * p + i] = value;
            }
        }
    }

    /// <summary>U −= d·(x̄, g·x̄) and the information += d·[[V, gV], [gV, g²V]].</summary>
    private static void AddTerm(double[] u, double[] imat, double[] mean, double[] v, int deaths, double g, int p)
    {
        var q = 2 * p;
        for (var i = 0; i < p; i++)
        {
            u[i] -= deaths * mean[i];
            u[p + i] -= g * deaths * mean[i];
            for (var j = 0; j < p; j++)
            {
                var value = deaths * v[i * p + j];
                imat[i * q + j] += value;
                imat[i * q + p + j] += g * value;
                imat[(p + i) * q + j] += g * value;
                imat[(p + i) * q + p + j] += g * g * value;
            }
        }
    }
}
