namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// One evaluation of the Cox partial likelihood (R's coxfit6, as <see cref="CoxLikelihoodPass"/>)
/// over rows streamed from a <see cref="ICoxRowSource"/>: the same backward walk over the risk sets
/// of each stratum, each tied time's rows joining the running sums (Σ r·x, Σ r·x x', the deaths'
/// own for Efron) and Efron's correction summed in closed form by <see cref="CoxTieSums"/>. Columns
/// are centred and scaled on the fly with the fit's means and scales. Only the running sums and one
/// chunk are in memory; the sums run in the stream's order, so the result equals the in-memory
/// pass's up to the order of floating-point additions.
/// </summary>
/// <param name="kept">The source's columns the model uses (those that vary), in order.</param>
internal sealed class CoxStreamingPass(ICoxRowSource source, int[] kept, double[] means, double[] scale, bool efron) : ICoxLikelihoodPass
{
    private readonly int _p = kept.Length;
    private readonly int _width = source.Columns.Count;

    public double Evaluate(double[] beta, double[] u, double[] imat)
    {
        var p = _p;
        Array.Clear(u);
        Array.Clear(imat);
        var a = new double[p];
        var a2 = new double[p];
        var cmat = new double[p * p];
        var cmat2 = new double[p * p];
        var xs = new double[p];
        var loglik = 0.0;
        var denom = 0.0;
        var deaths = 0;
        var deathRisk = 0.0;
        int? stratum = null;
        var time = double.NaN;

        void EndOfTime()
        {
            if (deaths == 0) return;
            denom += deathRisk;
            if (efron)
            {
                for (var i = 0; i < p; i++) a[i] += a2[i];
                for (var i = 0; i < cmat.Length; i++) cmat[i] += cmat2[i];
            }
            CoxTieSums.At(deaths, deaths, denom, deathRisk, efron, ref loglik).AddTo(u, imat, p, a, a2, cmat, cmat2, p);
            Array.Clear(a2);
            Array.Clear(cmat2);
            deaths = 0;
            deathRisk = 0;
        }

        foreach (var chunk in source.Read())
        {
            for (var r = 0; r < chunk.Count; r++)
            {
                if (chunk.Stratum[r] != stratum || chunk.Time[r] != time)
                {
                    EndOfTime();
                    if (chunk.Stratum[r] != stratum)
                    {
                        denom = 0;
                        Array.Clear(a);
                        Array.Clear(cmat);
                        stratum = chunk.Stratum[r];
                    }
                    time = chunk.Time[r];
                }
                var zbeta = 0.0;
                for (var i = 0; i < p; i++)
                {
                    xs[i] = (chunk.X[r * _width + kept[i]] - means[i]) * scale[i];
                    zbeta += beta[i] * xs[i];
                }
                var risk = Math.Exp(zbeta);
                if (chunk.Status[r])
                {
                    deaths++;
                    deathRisk += risk;
                    loglik += zbeta;
                    for (var i = 0; i < p; i++) u[i] += xs[i];
                    Add(efron ? a2 : a, efron ? cmat2 : cmat, risk, xs);
                }
                else
                {
                    denom += risk;
                    Add(a, cmat, risk, xs);
                }
            }
        }
        EndOfTime();
        return loglik;
    }

    /// <summary>a += r·x and the lower triangle of cmat += r·x x'.</summary>
    private static void Add(double[] a, double[] cmat, double risk, double[] x)
    {
        var p = x.Length;
        for (var i = 0; i < p; i++)
        {
            var xi = risk * x[i];
            a[i] += xi;
            for (var j = 0; j <= i; j++) cmat[i * p + j] += xi * x[j];
        }
    }
}
