namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// The pair counts and the per-row influence of R survival's concordance3.c (right-censored data,
/// time weight 1), in O(n log n) per stratum. Within each stratum the rows are walked from the
/// longest time down, censored rows before the events at their time; a tree of the rows already
/// passed (all longer, or censored at the same time) gives, for each event, how many have a larger,
/// smaller or equal predictor. A second tree of the events passed gives each row's share of the pairs
/// in which it is the longer time: the events that reached it after it was added, i.e. those with a
/// shorter time (entry and exit totals). Pairs never cross strata. With unit weights (a Cox
/// model's concordance) the trees are bit sets over the rows in predictor order
/// (<see cref="PredictorSlots"/>, <see cref="SlotCounter"/>), which stay in the cache at a million
/// rows; with case weights, trees of weight per rank (<see cref="FenwickTree"/>). The counts are the
/// same either way (sums of whole numbers).
/// </summary>
internal static class ConcordanceCounter
{
    /// <summary>R's concordance for the rows of each block [start[b], start[b + 1]) of the given arrays.</summary>
    /// <param name="cluster">Each row's cluster (0..k−1), or null: with clusters the influence of a
    /// cluster's rows is summed before it is squared, as concordancefit(cluster =) does.</param>
    public static ConcordanceResult Compute(double[] time, bool[] status, double[] x, double[] weight, int[] start, bool reverse, int[]? cluster = null)
    {
        var n = time.Length;
        var influence = WrittenArray.Zeroed<double>(3 * n); // per row: concordant, discordant, tied on x
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

    /// <remarks>The walk keeps two trees that never read each other: the rows passed (queried by each
    /// event: its concordant, discordant and tied pairs) and the events passed (queried as each row
    /// enters, and once more at the end: the row's share as the longer time). Each tree's side walks
    /// the same order on its own thread, writing its own influence array, and the two are added at
    /// the end: on two cores the walk, most of the time at a million rows, takes half as long.</remarks>
    private static (double, double, double, double, double) Block(double[] time, bool[] status, double[] x, double[] weight, int from, int to, double[] influence)
    {
        var size = to - from;
        if (size == 0) return default;

        int[] order = null!;
        if (UnitWeights(weight, from, size))
        {
            PredictorSlots slots = null!;
            Parallel.Invoke(
                () => slots = PredictorSlots.Of(x, from, size),
                () => order = LongestFirst(time, status, from, size));
            return Walk(time, status, weight, from, order, slots.Low, influence,
                new UnitSlots(new SlotCounter(size), slots), new UnitSlots(new SlotCounter(size), slots));
        }

        int[] rank = null!;
        var distinctCount = 0;
        Parallel.Invoke(
            () => (rank, distinctCount) = Ranks(x, from, size),
            () => order = LongestFirst(time, status, from, size));
        return Walk(time, status, weight, from, order, rank, influence,
            new WeightedRanks(new FenwickTree(distinctCount), rank), new WeightedRanks(new FenwickTree(distinctCount), rank));
    }

    /// <summary>Both sides of the walk, on two threads, over two empty trees of the same kind.</summary>
    /// <param name="tie">Equal for two rows exactly when their predictors are equal.</param>
    private static (double, double, double, double, double) Walk<TCounts>(
        double[] time, bool[] status, double[] weight, int from, int[] order, int[] tie, double[] influence, TCounts passed, TCounts events)
        where TCounts : struct, IRankCounts
    {
        var size = order.Length;
        var entryExit = WrittenArray.Zeroed<double>(3 * size);
        (double, double, double, double, double) counts = default;
        Parallel.Invoke(
            () => counts = PassedSide(time, status, weight, from, order, tie, influence, passed),
            () => EventsSide(time, status, weight, from, order, entryExit, events));
        for (var i = 0; i < 3 * size; i++) influence[3 * from + i] += entryExit[i];
        return counts;
    }

    /// <summary>Every weight is 1 (a Cox model's concordance): the rows are counted in a bit set.</summary>
    private static bool UnitWeights(double[] weight, int from, int size)
    {
        foreach (var w in weight.AsSpan(from, size))
        {
            if (w != 1) return false;
        }
        return true;
    }

    /// <summary>The tree of rows passed: each event's pairs with the rows already passed (all longer,
    /// or censored at its time), not with the events tied with it; its pair counts and its influence
    /// as the shorter time.</summary>
    private static (double, double, double, double, double) PassedSide<TCounts>(
        double[] time, bool[] status, double[] weight, int from, int[] order, int[] tie, double[] influence, TCounts passed)
        where TCounts : struct, IRankCounts
    {
        var size = order.Length;
        var seen = WrittenArray.Zeroed<int>(size); // scratch of TiedWithinRanks, one count per rank
        double concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedXY = 0;
        var i0 = 0;
        while (i0 < size)
        {
            var row = from + order[i0];
            if (!status[row])
            {
                passed.Add(order[i0], weight[row]);
                i0++;
                continue;
            }

            var i1 = EndOfEvents(time, status, from, order, i0);
            var deadWeight = 0.0;
            var sumSquares = 0.0;
            for (var i = i0; i < i1; i++)
            {
                var r = from + order[i];
                var (below, at, above) = passed.Split(order[i]);
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
            tiedXY += TiedWithinRanks(order.AsSpan(i0, i1 - i0), tie, weight, from, seen);
            for (var i = i0; i < i1; i++) passed.Add(order[i], weight[from + order[i]]);
            i0 = i1;
        }
        return (concordant, discordant, tiedX, tiedY - tiedXY, tiedXY);
    }

    /// <summary>The tree of events passed: the events that passed after a row entered (those with a
    /// shorter time) had it in their risk set, so a row's share as the longer time is the events at
    /// the end less those at its entry (written to <paramref name="entryExit"/>, indexed from the
    /// block's first row).</summary>
    private static void EventsSide<TCounts>(double[] time, bool[] status, double[] weight, int from, int[] order, double[] entryExit, TCounts events)
        where TCounts : struct, IRankCounts
    {
        var size = order.Length;
        var i0 = 0;
        while (i0 < size)
        {
            if (!status[from + order[i0]])
            {
                Enter(order[i0]);
                i0++;
                continue;
            }
            // The events of one time enter after all of them are in the tree.
            var i1 = EndOfEvents(time, status, from, order, i0);
            for (var i = i0; i < i1; i++) events.Add(order[i], weight[from + order[i]]);
            for (var i = i0; i < i1; i++) Enter(order[i]);
            i0 = i1;
        }

        // Every event has passed by now, so the tree no longer changes: one running sum serves every row.
        events.Freeze();
        for (var i = 0; i < size; i++)
        {
            var (below, at, above) = events.Split(i);
            entryExit[3 * i] += below;
            entryExit[3 * i + 1] += above;
            entryExit[3 * i + 2] += at;
        }

        void Enter(int i)
        {
            var (below, at, above) = events.Split(i);
            entryExit[3 * i] -= below;
            entryExit[3 * i + 1] -= above;
            entryExit[3 * i + 2] -= at;
        }
    }

    /// <summary>The end of the run of events at the time of order[i0] (an event).</summary>
    private static int EndOfEvents(double[] time, bool[] status, int from, int[] order, int i0)
    {
        var t = time[from + order[i0]];
        var i1 = i0;
        while (i1 < order.Length && status[from + order[i1]] && time[from + order[i1]] == t) i1++;
        return i1;
    }

    /// <summary>Ranks of the predictor within the block, exact ties sharing one (−0 is 0), and how
    /// many distinct values there are. One sort of (value, row) pairs on primitive keys, then a linear
    /// pass: at a million rows a hash set of the distinct values and a binary search per row took
    /// several times longer.</summary>
    private static (int[] Rank, int Distinct) Ranks(double[] x, int from, int size)
    {
        var values = new double[size];
        var rows = new int[size];
        for (var i = 0; i < size; i++)
        {
            values[i] = x[from + i] == 0 ? 0 : x[from + i];
            rows[i] = i;
        }
        Array.Sort(values, rows);
        var rank = new int[size];
        var distinct = 0;
        for (var i = 0; i < size; i++)
        {
            if (i > 0 && values[i] != values[i - 1]) distinct++;
            rank[rows[i]] = distinct;
        }
        return (rank, size == 0 ? 0 : distinct + 1);
    }

    /// <summary>The block's rows from the longest time down, at a tied time the censored rows before
    /// the events (as concordance3.c walks them). The order within the censored rows, and within
    /// the events, of one time changes no count. Rows that arrive sorted by time (a Cox fit's rows
    /// are) skip the sort; otherwise one sort on primitive keys, not a comparison delegate.</summary>
    private static int[] LongestFirst(double[] time, bool[] status, int from, int size)
    {
        var ascending = new int[size];
        for (var i = 0; i < size; i++) ascending[i] = i;
        var sorted = true;
        for (var i = 1; i < size && sorted; i++) sorted = time[from + i - 1] <= time[from + i];
        if (!sorted)
        {
            var keys = time.AsSpan(from, size).ToArray();
            Array.Sort(keys, ascending);
        }

        var order = new int[size];
        var next = 0;
        for (var end = size; end > 0;)
        {
            var begin = end - 1;
            var t = time[from + ascending[begin]];
            while (begin > 0 && time[from + ascending[begin - 1]] == t) begin--;
            for (var i = begin; i < end; i++)
            {
                if (!status[from + ascending[i]]) order[next++] = ascending[i];
            }
            for (var i = begin; i < end; i++)
            {
                if (status[from + ascending[i]]) order[next++] = ascending[i];
            }
            end = begin;
        }
        return order;
    }

    /// <summary>Σ w_i w_j over the pairs of tied deaths with the same predictor (R's tied.xy):
    /// (S² − Σw²)/2 per run of equal ranks. Sorts a copy of the deaths' ranks and weights (the order
    /// itself is read by the other side's thread meanwhile), or with unit weights counts them.</summary>
    /// <param name="seen">All zero, one per rank; left all zero.</param>
    private static double TiedWithinRanks(ReadOnlySpan<int> deaths, int[] rank, double[] weight, int from, int[] seen)
    {
        if (deaths.Length < 2) return 0;
        var unit = true;
        foreach (var d in deaths) unit &= weight[from + d] == 1;
        if (unit)
        {
            // Each death pairs with the deaths of its rank counted before it: Σ c(c − 1)/2 per rank
            // with a count per rank (left at zero again), no sort.
            var pairs = 0L;
            foreach (var d in deaths) pairs += seen[rank[d]]++;
            foreach (var d in deaths) seen[rank[d]] = 0;
            return pairs;
        }

        var ranks = new int[deaths.Length];
        var weights = new double[deaths.Length];
        for (var i = 0; i < deaths.Length; i++)
        {
            ranks[i] = rank[deaths[i]];
            weights[i] = weight[from + deaths[i]];
        }
        Array.Sort(ranks, weights);
        var total = 0.0;
        var start = 0;
        for (var i = 1; i <= ranks.Length; i++)
        {
            if (i < ranks.Length && ranks[i] == ranks[start]) continue;
            double sum = 0, squares = 0;
            for (var j = start; j < i; j++)
            {
                sum += weights[j];
                squares += weights[j] * weights[j];
            }
            total += (sum * sum - squares) / 2;
            start = i;
        }
        return total;
    }
}
