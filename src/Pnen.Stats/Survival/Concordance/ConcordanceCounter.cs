namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// The pair counts and the per-row influence of R survival's concordance3.c (right-censored data,
/// time weight 1), in O(n log n) per stratum. Within each stratum the rows are walked from the
/// longest time down, censored rows before the events at their time; a tree of the rows already
/// passed (all longer, or censored at the same time) gives, for each event, how many have a larger,
/// smaller or equal predictor. A second tree of the events passed gives each row's share of the pairs
/// in which it is the longer time: the events that reached it after it was added, i.e. those with a
/// shorter time (entry and exit totals). Pairs never cross strata.
/// </summary>
internal static class ConcordanceCounter
{
    /// <summary>R's concordance for the rows of each block [start[b], start[b + 1]) of the given arrays.</summary>
    /// <param name="cluster">Each row's cluster (0..k−1), or null: with clusters the influence of a
    /// cluster's rows is summed before it is squared, as concordancefit(cluster =) does.</param>
    public static ConcordanceResult Compute(double[] time, bool[] status, double[] x, double[] weight, int[] start, bool reverse, int[]? cluster = null)
    {
        var n = time.Length;
        var influence = new double[3 * n]; // per row: concordant, discordant, tied on x
        double concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedXY = 0;
        for (var b = 0; b + 1 < start.Length; b++)
        {
            var (c, d, tx, ty, txy) = Block(time, status, x, weight, start[b], start[b + 1], influence);
            concordant += c;
            discordant += d;
            tiedX += tx;
            tiedY += ty;
            tiedXY += txy;
        }

        var pairs = concordant + discordant + tiedX;
        if (!(pairs > 0)) return Oriented(null, null, concordant, discordant, tiedX, tiedY, tiedXY, reverse);
        var somers = (concordant - discordant) / pairs;
        var variance = 0.0;
        var byCluster = cluster is null ? null : new double[cluster.Length == 0 ? 0 : cluster.Max() + 1];
        for (var r = 0; r < n; r++)
        {
            var dfbeta = weight[r] * ((influence[3 * r] - influence[3 * r + 1]) / pairs
                - somers / pairs * (influence[3 * r] + influence[3 * r + 1] + influence[3 * r + 2]));
            if (byCluster is not null) byCluster[cluster![r]] += dfbeta;
            else variance += dfbeta * dfbeta;
        }
        if (byCluster is not null) foreach (var d in byCluster) variance += d * d;
        return Oriented((somers + 1) / 2, Math.Sqrt(variance / 4), concordant, discordant, tiedX, tiedY, tiedXY, reverse);
    }

    /// <summary>With reverse (a risk score: higher means a shorter time), C becomes 1 − C and the
    /// concordant and discordant counts swap, as concordancefit(reverse = TRUE).</summary>
    private static ConcordanceResult Oriented(double? c, double? se, double concordant, double discordant, double tiedX, double tiedY, double tiedXY, bool reverse) =>
        reverse
            ? new ConcordanceResult(1 - c, se, discordant, concordant, tiedX, tiedY, tiedXY)
            : new ConcordanceResult(c, se, concordant, discordant, tiedX, tiedY, tiedXY);

    private static (double, double, double, double, double) Block(double[] time, bool[] status, double[] x, double[] weight, int from, int to, double[] influence)
    {
        var size = to - from;
        if (size == 0) return default;

        // Ranks of the predictor within the block (exact ties share a rank).
        var values = new double[size];
        for (var i = 0; i < size; i++) values[i] = x[from + i] == 0 ? 0 : x[from + i];
        var distinct = values.Distinct().Order().ToArray();
        var rank = new int[size];
        for (var i = 0; i < size; i++) rank[i] = Array.BinarySearch(distinct, values[i]);

        // Longest time first; at a tied time, censored rows before events.
        var order = Enumerable.Range(0, size).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byTime = time[from + b].CompareTo(time[from + a]);
            return byTime != 0 ? byTime : status[from + a].CompareTo(status[from + b]);
        });

        var passed = new FenwickTree(distinct.Length);
        var events = new FenwickTree(distinct.Length);
        double concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedXY = 0;
        var i0 = 0;
        while (i0 < size)
        {
            var row = from + order[i0];
            if (!status[row])
            {
                Enter(row, rank[order[i0]]);
                i0++;
                continue;
            }

            // The events at this time: compared with everyone passed, not with each other.
            var i1 = i0;
            while (i1 < size && status[from + order[i1]] && time[from + order[i1]] == time[row]) i1++;
            var deadWeight = 0.0;
            var sumSquares = 0.0;
            for (var i = i0; i < i1; i++)
            {
                var r = from + order[i];
                var (below, at, above) = passed.Split(rank[order[i]]);
                var w = weight[r];
                concordant += w * above;
                discordant += w * below;
                tiedX += w * at;
                influence[3 * r] += above;
                influence[3 * r + 1] += below;
                influence[3 * r + 2] += at;
                deadWeight += w;
                sumSquares += w * w;
            }
            tiedY += (deadWeight * deadWeight - sumSquares) / 2;
            tiedXY += TiedWithinRanks(order.AsSpan(i0, i1 - i0), rank, weight, from);
            for (var i = i0; i < i1; i++) events.Add(rank[order[i]], weight[from + order[i]]);
            for (var i = i0; i < i1; i++) Enter(from + order[i], rank[order[i]]);
            i0 = i1;
        }

        // Exit: the events that passed after a row entered had it in their risk set.
        for (var i = 0; i < size; i++)
        {
            var (below, at, above) = events.Split(rank[i]);
            influence[3 * (from + i)] += below;
            influence[3 * (from + i) + 1] += above;
            influence[3 * (from + i) + 2] += at;
        }
        return (concordant, discordant, tiedX, tiedY - tiedXY, tiedXY);

        void Enter(int r, int k)
        {
            var (below, at, above) = events.Split(k);
            influence[3 * r] -= below;
            influence[3 * r + 1] -= above;
            influence[3 * r + 2] -= at;
            passed.Add(k, weight[r]);
        }
    }

    /// <summary>Σ w_i w_j over the pairs of tied deaths with the same predictor (R's tied.xy):
    /// (S² − Σw²)/2 per run of equal ranks. Sorts the deaths' slice of the order by rank in place.</summary>
    private static double TiedWithinRanks(Span<int> deaths, int[] rank, double[] weight, int from)
    {
        if (deaths.Length < 2) return 0;
        deaths.Sort((a, b) => rank[a].CompareTo(rank[b]));
        var total = 0.0;
        var start = 0;
        for (var i = 1; i <= deaths.Length; i++)
        {
            if (i < deaths.Length && rank[deaths[i]] == rank[deaths[start]]) continue;
            double sum = 0, squares = 0;
            for (var j = start; j < i; j++)
            {
                var w = weight[from + deaths[j]];
                sum += w;
                squares += w * w;
            }
            total += (sum * sum - squares) / 2;
            start = i;
        }
        return total;
    }
}
