namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// One evaluation of the Cox partial likelihood with case weights on (start, stop] risk sets, as
/// R survival's agfit4 defines it (and coxfit6, for weighted right-censored data): a death of
/// weight w adds w·η to the log-likelihood and w·x to the score; the risk set sums carry
/// w·exp(η); tied deaths share Efron's correction with their mean weight, each of the d steps
/// removing k/d of the deaths' risk, or all see the full risk set (Breslow). The running sums
/// come from <see cref="CoxRiskSets"/>; Efron's d steps are summed in closed form
/// (<see cref="CoxTieSums"/>), so the information matrix is visited once per death time.
/// </summary>
/// <remarks>On (start, stop] data agfit4 keeps Σ w·exp(η)·x x' of the risk set as a running sum too,
/// adding each row at its stop time and taking it off again at its start: two O(p²) updates per
/// row, one after the other. The information uses that sum linearly, though (with weight Σ w̄/d2
/// at each death time, less Σ w̄ t/d2 on the deaths' own), so there the walk keeps only the O(p)
/// first moments and collects each row's total weight over the death times it is at risk at (its
/// exposure); the second moments are then Σ exposure·w·exp(η)·x x' in one pass over the rows, on
/// two cores (<see cref="CoxWeightedCrossProduct"/>): the same sums in another order. Right-censored
/// data never take a row off, and keep the running sums: their information is then summed in the
/// order of the unweighted pass's (<see cref="CoxLikelihoodPass"/>), which keeps a fit from counts
/// (DuckDB) and one from rows within rounding of each other even where a coefficient runs off to
/// infinity and the rest depend on where the iterations stop.</remarks>
internal sealed class CoxCountingPass : ICoxLikelihoodPass
{
    private readonly double[] _x;
    private readonly int _n;
    private readonly int _p;
    private readonly bool[] _status;
    private readonly double[]? _weights;
    private readonly bool _efron;
    private readonly bool _frequencies;
    private readonly double[] _eta;
    private readonly double[] _risk;
    private readonly double[]? _exposure;
    private readonly CoxRiskSets _sets;
    private readonly CoxWeightedCrossProduct? _secondMoments;

    /// <param name="x">Rows × columns, row-major, sorted by (stratum, stop).</param>
    /// <param name="start">Entry times in the same order, or null for right-censored data.</param>
    /// <param name="weights">Case weights (positive) in the same order, or null for 1.</param>
    /// <param name="frequencies">The weights are whole numbers of identical rows (a row of weight c
    /// stands for c rows): tied deaths then count as Σ c deaths in Efron's correction, exactly as
    /// the c rows would, where case weights count death rows as agfit4 does.</param>
    public CoxCountingPass(double[] x, int rows, int columns, double[]? start, double[] stop, bool[] status, double[]? weights, bool[] lastInStratum, bool efron, bool frequencies = false)
    {
        _frequencies = frequencies;
        _x = x;
        _n = rows;
        _p = columns;
        _status = status;
        _weights = weights;
        _efron = efron;
        _eta = new double[rows];
        _risk = new double[rows];
        if (start is not null)
        {
            _exposure = new double[rows];
            _secondMoments = new CoxWeightedCrossProduct(x, rows, columns);
        }
        _sets = new CoxRiskSets(x, rows, columns, start, stop, status, weights, lastInStratum, _risk, separateDeaths: efron, secondMoments: start is null, _exposure);
    }

    public double Evaluate(double[] beta, double[] u, double[] imat)
    {
        var p = _p;
        Array.Clear(u);
        Array.Clear(imat);
        // Each row's score on its own: two halves on two cores at registry scale.
        TwoHalves.Run(0, _n, 1 << 15, (from, to) => RiskScores(beta, from, to));

        var loglik = 0.0;
        var sets = _sets;
        var a = sets.A;
        var a2 = sets.A2;
        var cmat = sets.Cmat;
        var cmat2 = sets.Cmat2;
        sets.Begin();
        while (sets.Next())
        {
            for (var r = sets.From; r < sets.To; r++)
            {
                if (!_status[r]) continue;
                var w = _weights?[r] ?? 1.0;
                loglik += w * _eta[r];
                var offset = r * p;
                for (var i = 0; i < p; i++) u[i] += w * _x[offset + i];
            }

            // Efron's (or Breslow's) steps, scaled by the deaths' mean (or total) weight as agfit4 does.
            var deaths = _frequencies ? (int)sets.DeathWeight : sets.Deaths;
            var tie = CoxTieSums.At(deaths, sets.DeathWeight, sets.Denom, sets.DeathRisk, _efron, ref loglik);
            if (_exposure is null)
            {
                tie.AddTo(u, imat, p, a, a2, cmat, cmat2, sets.Stride);
                continue;
            }
            tie.AddOuterProductsTo(u, imat, p, a, a2);
            sets.AddExposure(tie.InverseDenominatorSum);
            var own = tie.DeathInverseDenominatorSum;
            if (own == 0) continue;
            for (var r = sets.From; r < sets.To; r++)
            {
                if (_status[r]) _exposure[r] -= own;
            }
        }

        if (_exposure is null) return loglik;
        // Each row's exposure times its risk w·exp(η) weighs its x x' in the information.
        for (var r = 0; r < _n; r++) _exposure[r] *= _risk[r];
        _secondMoments!.AddTo(_exposure, imat);
        return loglik;
    }

    private void RiskScores(double[] beta, int from, int to)
    {
        var p = _p;
        for (var r = from; r < to; r++)
        {
            var offset = r * p;
            var eta = 0.0;
            for (var i = 0; i < p; i++) eta += beta[i] * _x[offset + i];
            _eta[r] = eta;
            _risk[r] = Math.Exp(eta) * (_weights?[r] ?? 1.0);
        }
    }
}
