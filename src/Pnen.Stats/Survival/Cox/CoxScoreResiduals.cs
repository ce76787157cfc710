namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// Score residuals of a Cox model, R's <c>residuals(fit, "score")</c> before any weighting: for
/// row i, ∫ (x_i - x̄(t)) dM_i(t) over its interval, with dM_i(t) = dN_i(t) - exp(η_i) dΛ(t),
/// the hazard increments dΛ carrying the case weights (coxscore2.c for right-censored data,
/// agscore2.c for (start, stop] data; Efron's ties as there: with d tied deaths the hazard and
/// the mean come in d steps, a death taking part in step k only with weight 1 - k/d).
/// <para>
/// R's agscore2 visits the whole risk set at every death time (O(n² p)); here one walk of
/// <see cref="CoxRiskSets"/> gives each death time's hazard and mean, running sums of them over
/// the death times of a stratum are formed once, and each row takes the difference of two of
/// those sums at the ends of its interval (two binary searches): O(n p + n log d) in all, the
/// same quantity summed in another order. These residuals give the dfbeta residuals and the
/// robust variance (<see cref="CoxRobustVariance"/>).
/// </para>
/// </summary>
internal static class CoxScoreResiduals
{
    /// <param name="x">Rows × columns, row-major, sorted by (stratum, stop): the design as the fit left it.</param>
    /// <param name="beta">The coefficients on the scale of <paramref name="x"/>.</param>
    /// <returns>Rows × columns, row-major, in the same order and on the same scale as <paramref name="x"/>.</returns>
    public static double[] Compute(
        double[] x, int rows, int columns, double[]? start, double[] stop, bool[] status, double[]? weights,
        bool[] lastInStratum, double[] beta, bool efron)
    {
        var p = columns;
        var score = new double[rows];
        var risk = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var eta = 0.0;
            for (var i = 0; i < p; i++) eta += beta[i] * x[r * p + i];
            score[r] = Math.Exp(eta);
            risk[r] = score[r] * (weights?[r] ?? 1.0);
        }

        var increments = DeathTimeIncrements(x, rows, p, start, stop, status, weights, lastInStratum, risk, efron);
        var resid = new double[rows * p];
        foreach (var stratum in increments)
        {
            for (var r = stratum.From; r < stratum.To; r++)
            {
                var times = stratum.Times;
                // The death times t with start < t ≤ stop: positions [lo, hi] of the ascending times.
                var hi = UpperIndex(times, stop[r]);
                var lo = start is null ? 0 : UpperIndex(times, start[r]) + 1;
                if (hi < lo) continue;
                var offset = r * p;
                var s = score[r];
                var dies = status[r] && times[hi] == stop[r];
                for (var i = 0; i < p; i++)
                {
                    var cumHazard = stratum.Hazard[hi] - (lo > 0 ? stratum.Hazard[lo - 1] : 0);
                    var cumMean = stratum.MeanHazard[hi * p + i] - (lo > 0 ? stratum.MeanHazard[(lo - 1) * p + i] : 0);
                    var value = -s * (x[offset + i] * cumHazard - cumMean);
                    if (dies)
                    {
                        // The death's own time: its share of the tied deaths' steps instead.
                        var k = hi;
                        value += s * (x[offset + i] * stratum.StepHazard[k] - stratum.StepMeanHazard[k * p + i]);
                        value += x[offset + i] - stratum.StepMean[k * p + i]
                            - s * x[offset + i] * stratum.DeathHazard[k] + s * stratum.DeathMeanHazard[k * p + i];
                    }
                    resid[offset + i] = value;
                }
            }
        }
        return resid;
    }

    /// <summary>The last index whose time is ≤ t, or -1.</summary>
    private static int UpperIndex(double[] times, double t)
    {
        var at = Array.BinarySearch(times, t);
        return at >= 0 ? at : ~at - 1;
    }

    /// <summary>
    /// Per stratum, its death times in ascending order and, at each, with h_k = w̄/d2_k and
    /// m_k = (a - (k/d) a2)/d2_k the hazard and mean of Efron's step k (one step for Breslow):
    /// Σ h and Σ m h (what a row at risk is charged), and for the deaths Σ (1 - k/d) h,
    /// Σ (1 - k/d) m h and the plain mean of the m_k; then the first two as running sums.
    /// </summary>
    private static List<StratumIncrements> DeathTimeIncrements(
        double[] x, int rows, int p, double[]? start, double[] stop, bool[] status, double[]? weights,
        bool[] lastInStratum, double[] risk, bool efron)
    {
        var sets = new CoxRiskSets(x, rows, p, start, stop, status, weights, lastInStratum, risk, separateDeaths: efron);
        var perStratum = new List<StratumIncrements>(sets.StrataCount);
        for (var s = 0; s < sets.StrataCount; s++) perStratum.Add(new StratumIncrements(sets.StratumStart(s), sets.StratumStart(s + 1), p));

        var mean = new double[p];
        sets.Begin();
        while (sets.Next())
        {
            var target = perStratum[sets.Stratum];
            var deaths = sets.Deaths;
            var stepHazard = 0.0;
            var deathHazard = 0.0;
            var stepMeanHazard = new double[p];
            var deathMeanHazard = new double[p];
            var stepMean = new double[p];
            if (!efron || deaths == 1)
            {
                var hazard = sets.DeathWeight / sets.Denom;
                stepHazard = deathHazard = hazard;
                for (var i = 0; i < p; i++)
                {
                    stepMean[i] = sets.A[i] / sets.Denom;
                    stepMeanHazard[i] = deathMeanHazard[i] = stepMean[i] * hazard;
                }
            }
            else
            {
                var meanWeight = sets.DeathWeight / deaths;
                for (var k = 0; k < deaths; k++)
                {
                    var down = (double)k / deaths;
                    var d2 = sets.Denom - down * sets.DeathRisk;
                    var hazard = meanWeight / d2;
                    stepHazard += hazard;
                    deathHazard += (1 - down) * hazard;
                    for (var i = 0; i < p; i++)
                    {
                        mean[i] = (sets.A[i] - down * sets.A2[i]) / d2;
                        stepMeanHazard[i] += mean[i] * hazard;
                        deathMeanHazard[i] += mean[i] * (1 - down) * hazard;
                        stepMean[i] += mean[i] / deaths;
                    }
                }
            }
            target.Add(sets.Time, stepHazard, deathHazard, stepMeanHazard, deathMeanHazard, stepMean);
        }
        foreach (var stratum in perStratum) stratum.Finish();
        return perStratum;
    }

    /// <summary>The death-time quantities of one stratum, collected going back in time and then
    /// put in ascending order with running sums of the hazard and of mean × hazard.</summary>
    private sealed class StratumIncrements(int from, int to, int p)
    {
        private readonly List<double> _times = [];
        private readonly List<double> _stepHazard = [];
        private readonly List<double> _deathHazard = [];
        private readonly List<double> _stepMeanHazard = [];
        private readonly List<double> _deathMeanHazard = [];
        private readonly List<double> _stepMean = [];

        public int From { get; } = from;

        public int To { get; } = to;

        public double[] Times { get; private set; } = [];

        /// <summary>Σ h up to and including each death time.</summary>
        public double[] Hazard { get; private set; } = [];

        /// <summary>Σ m h up to and including each death time (p per time).</summary>
        public double[] MeanHazard { get; private set; } = [];

        public double[] StepHazard { get; private set; } = [];

        public double[] StepMeanHazard { get; private set; } = [];

        public double[] DeathHazard { get; private set; } = [];

        public double[] DeathMeanHazard { get; private set; } = [];

        public double[] StepMean { get; private set; } = [];

        public void Add(double time, double stepHazard, double deathHazard, double[] stepMeanHazard, double[] deathMeanHazard, double[] stepMean)
        {
            _times.Add(time);
            _stepHazard.Add(stepHazard);
            _deathHazard.Add(deathHazard);
            _stepMeanHazard.AddRange(stepMeanHazard);
            _deathMeanHazard.AddRange(deathMeanHazard);
            _stepMean.AddRange(stepMean);
        }

        public void Finish()
        {
            var count = _times.Count;
            Times = Reversed(_times, 1);
            StepHazard = Reversed(_stepHazard, 1);
            DeathHazard = Reversed(_deathHazard, 1);
            StepMeanHazard = Reversed(_stepMeanHazard, p);
            DeathMeanHazard = Reversed(_deathMeanHazard, p);
            StepMean = Reversed(_stepMean, p);
            Hazard = new double[count];
            MeanHazard = new double[count * p];
            for (var k = 0; k < count; k++)
            {
                Hazard[k] = StepHazard[k] + (k > 0 ? Hazard[k - 1] : 0);
                for (var i = 0; i < p; i++)
                {
                    MeanHazard[k * p + i] = StepMeanHazard[k * p + i] + (k > 0 ? MeanHazard[(k - 1) * p + i] : 0);
                }
            }
        }

        /// <summary>Blocks of <paramref name="width"/> values in reverse block order.</summary>
        private static double[] Reversed(List<double> values, int width)
        {
            var blocks = values.Count / Math.Max(width, 1);
            var result = new double[values.Count];
            for (var b = 0; b < blocks; b++)
            {
                for (var i = 0; i < width; i++) result[(blocks - 1 - b) * width + i] = values[b * width + i];
            }
            return result;
        }
    }
}
