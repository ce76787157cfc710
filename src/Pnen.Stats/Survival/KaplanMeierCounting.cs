namespace Pnen.Stats.Survival;

/// <summary>
/// The Kaplan-Meier steps of one curve with case weights and/or delayed entry, as R survival
/// 3.5's survfitkm.c computes them: one step per distinct stop time; at risk at t are the rows
/// with start &lt; t ≤ stop (counted going back in time: rows join at their stop time and leave
/// once t reaches their start); the weighted sums give n.risk, n.event and n.censor; S drops by
/// (n - d)/n where some event has a positive weight. The variance is Greenwood's on the weighted
/// counts, Σ d/(n (n - d)), or with <c>robust</c> the infinitesimal jackknife
/// (<see cref="KaplanMeierInfluence"/>), which R reports for S itself and which is turned here
/// into the standard error of log S (0 stays 0, as survfit_confint does).
/// </summary>
internal static class KaplanMeierCounting
{
    /// <param name="rows">The curve's rows (indices into the other arrays) sorted by stop time (ties in row order).</param>
    /// <param name="stop">Stop times (fixed for near-ties), indexed by row.</param>
    /// <param name="start">Entry times indexed by row, or null: every row at risk from the start.</param>
    /// <param name="weights">Case weights indexed by row, or null for 1.</param>
    /// <param name="cluster">For the robust variance: cluster codes indexed by row, or null for one cluster per row.</param>
    public static KaplanMeierStep[] Steps(
        int[] rows, double[] stop, bool[] status, double[]? start, double[]? weights, int[]? cluster,
        bool robust, ConfidenceType type, double z)
    {
        var counts = Counts(rows, stop, status, start, weights);
        var times = counts.Times;
        var k = times.Length;
        var survival = new double[k];
        var stdErrLog = new double[k];
        var km = 1.0;
        var greenwood = 0.0;
        for (var i = 0; i < k; i++)
        {
            var (n, d) = (counts.AtRisk[i], counts.Deaths[i]);
            if (counts.DeathRows[i] > 0 && d > 0)
            {
                km *= (n - d) / n;
                greenwood = n > d ? greenwood + d / (n * (n - d)) : double.PositiveInfinity;
            }
            survival[i] = km;
            stdErrLog[i] = Math.Sqrt(greenwood);
        }
        if (robust)
        {
            var seSurvival = KaplanMeierInfluence.StandardErrors(rows, stop, status, start, weights, cluster, counts);
            for (var i = 0; i < k; i++) stdErrLog[i] = seSurvival[i] == 0 ? 0 : seSurvival[i] / survival[i];
        }

        var steps = new KaplanMeierStep[k];
        var weighted = weights is not null;
        for (var i = 0; i < k; i++)
        {
            var se = stdErrLog[i];
            var (lower, upper) = ConfidenceBands.Limits(survival[i], se, type, z);
            steps[i] = new KaplanMeierStep(times[i], counts.AtRiskRows[i], counts.DeathRows[i], counts.CensorRows[i], survival[i],
                double.IsFinite(se) ? se : null, lower, upper)
            {
                WeightedAtRisk = weighted ? counts.AtRisk[i] : null,
                WeightedEvents = weighted ? counts.Deaths[i] : null,
                WeightedCensored = weighted ? counts.Censored[i] : null,
            };
        }
        return steps;
    }

    /// <summary>
    /// Per distinct stop time: rows and weights at risk, of the events and of the censorings,
    /// summed in survfitkm's order (back in time; at each time the rows ending there join, then
    /// the rows starting at or after it leave), so the weighted sums round as R's do.
    /// </summary>
    private static StepCounts Counts(int[] rows, double[] stop, bool[] status, double[]? start, double[]? weights)
    {
        var times = new List<double>();
        foreach (var row in rows)
        {
            if (times.Count == 0 || stop[row] != times[^1]) times.Add(stop[row]);
        }
        var k = times.Count;
        var counts = new StepCounts(times.ToArray());
        var byStart = start is null ? null : SortedByStart(rows, start);
        var person = rows.Length - 1;
        var leaving = rows.Length - 1;
        var atRiskRows = 0;
        var atRisk = 0.0;
        for (var i = k - 1; i >= 0; i--)
        {
            var t = counts.Times[i];
            for (; person >= 0 && stop[rows[person]] == t; person--)
            {
                var row = rows[person];
                var w = weights?[row] ?? 1.0;
                atRiskRows++;
                atRisk += w;
                if (status[row])
                {
                    counts.DeathRows[i]++;
                    counts.Deaths[i] += w;
                }
                else
                {
                    counts.CensorRows[i]++;
                    counts.Censored[i] += w;
                }
            }
            if (byStart is not null)
            {
                for (; leaving >= 0 && start![byStart[leaving]] >= t; leaving--)
                {
                    atRiskRows--;
                    atRisk -= weights?[byStart[leaving]] ?? 1.0;
                }
            }
            counts.AtRiskRows[i] = atRiskRows;
            counts.AtRisk[i] = atRisk;
        }
        return counts;
    }

    /// <summary>The rows in ascending order of entry time (ties in the given order).</summary>
    internal static int[] SortedByStart(int[] rows, double[] start)
    {
        var keys = new double[rows.Length];
        var positions = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            keys[i] = start[rows[i]];
            positions[i] = i;
        }
        Array.Sort(keys, positions);
        // Array.Sort is not stable: put tied entry times back in the given order.
        var result = new int[rows.Length];
        var at = 0;
        while (at < positions.Length)
        {
            var end = at;
            while (end < positions.Length && keys[end] == keys[at]) end++;
            if (end - at > 1) Array.Sort(positions, at, end - at);
            for (var i = at; i < end; i++) result[i] = rows[positions[i]];
            at = end;
        }
        return result;
    }
}

/// <summary>Per distinct stop time of a curve: counts of rows and sums of weights.</summary>
internal sealed class StepCounts(double[] times)
{
    public double[] Times { get; } = times;

    public int[] AtRiskRows { get; } = new int[times.Length];

    public int[] DeathRows { get; } = new int[times.Length];

    public int[] CensorRows { get; } = new int[times.Length];

    public double[] AtRisk { get; } = new double[times.Length];

    public double[] Deaths { get; } = new double[times.Length];

    public double[] Censored { get; } = new double[times.Length];
}
