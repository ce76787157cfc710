namespace Pnen.Stats.Survival;

/// <summary>
/// Survival outcomes in the shapes of R's <c>Surv()</c>: right-censored (<see cref="Time"/>,
/// <see cref="Status"/>), or counting-process intervals (<see cref="Start"/>, <see cref="Time"/>]
/// for delayed entry and time-dependent covariates, each optionally with case weights and with
/// cluster codes that say which rows belong to one independent unit (a patient's intervals, a
/// litter, a centre) for a robust variance. The arrays are read, never changed.
/// </summary>
/// <param name="Time">The end of each row's interval (the follow-up time of right-censored data).</param>
/// <param name="Status">Whether the row ends in the event.</param>
public sealed record SurvivalData(double[] Time, bool[] Status)
{
    /// <summary>Entry times: row i is at risk on (Start[i], Time[i]], as <c>Surv(start, stop, event)</c>.
    /// Null for right-censored data, where every row is at risk from the start.</summary>
    public double[]? Start { get; init; }

    /// <summary>Case weights, finite and non-negative (R's <c>weights =</c>); null means 1 for every row.</summary>
    public double[]? Weights { get; init; }

    /// <summary>Cluster codes (non-negative integers; rows sharing a code are one unit, R's
    /// <c>cluster =</c> or <c>id =</c>; -1 marks a missing code, whose row a Cox fit leaves out as
    /// R's na.omit does); null means every row is its own cluster.</summary>
    public int[]? Cluster { get; init; }

    public int Count => Time.Length;

    public bool IsCountingProcess => Start is not null;

    /// <summary>True when a weight is not a whole number: R then uses a robust variance by default
    /// (coxph's and survfit's <c>has.rwt</c>).</summary>
    public bool HasFractionalWeights => Weights is { } w && Array.Exists(w, v => v != Math.Floor(v));

    /// <summary>Lengths agree; times finite and non-negative, entry times finite; every interval
    /// has Start &lt; Time; weights finite and non-negative; cluster codes non-negative or -1.</summary>
    internal void Check()
    {
        var n = Time.Length;
        SurvivalInput.Check(Time, Status);
        if (Start is not null)
        {
            if (Start.Length != n) throw new ArgumentException($"start has {Start.Length} values but time has {n}", nameof(Start));
            for (var i = 0; i < n; i++)
            {
                if (!double.IsFinite(Start[i])) throw new ArgumentException($"start[{i}] = {Start[i]} is not a finite number", nameof(Start));
                if (!(Start[i] < Time[i]))
                {
                    throw new ArgumentException($"start[{i}] = {Start[i]} is not before time[{i}] = {Time[i]}: an interval (start, stop] needs start < stop", nameof(Start));
                }
            }
        }
        if (Weights is { } weights)
        {
            if (weights.Length != n) throw new ArgumentException($"weights has {weights.Length} values but time has {n}", nameof(Weights));
            for (var i = 0; i < n; i++)
            {
                if (!double.IsFinite(weights[i]) || weights[i] < 0)
                {
                    throw new ArgumentException($"weights[{i}] = {weights[i]} is not a finite, non-negative number", nameof(Weights));
                }
            }
        }
        if (Cluster is { } cluster)
        {
            if (cluster.Length != n) throw new ArgumentException($"cluster has {cluster.Length} values but time has {n}", nameof(Cluster));
            for (var i = 0; i < n; i++)
            {
                if (cluster[i] < -1) throw new ArgumentException($"cluster[{i}] = {cluster[i]} is neither a code nor -1 (missing)", nameof(Cluster));
            }
        }
    }

    /// <summary>The rows whose weight is positive, or null when no weight is zero. A row of weight
    /// 0 adds nothing to any sum, but it would still count as a death in Efron's tie correction
    /// and as a row in n, so the Cox fit leaves it out, which is what R's coxph of the other rows
    /// gives (coxph itself refuses a zero weight).</summary>
    internal int[]? PositiveWeightRows() => Weights is { } weights ? RowsWhere(weights, w => w > 0) : null;

    /// <summary>The rows with a cluster code, or null when none is missing.</summary>
    internal int[]? RowsWithCluster() => Cluster is { } cluster ? RowsWhere(cluster, c => c >= 0) : null;

    private static int[]? RowsWhere<T>(T[] values, Predicate<T> keep)
    {
        if (Array.TrueForAll(values, keep)) return null;
        var rows = new List<int>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (keep(values[i])) rows.Add(i);
        }
        return rows.ToArray();
    }

    /// <summary>The same data restricted to <paramref name="rows"/>, in that order.</summary>
    internal SurvivalData Subset(int[] rows) => new(Gather(Time, rows), Gather(Status, rows))
    {
        Start = Start is null ? null : Gather(Start, rows),
        Weights = Weights is null ? null : Gather(Weights, rows),
        Cluster = Cluster is null ? null : Gather(Cluster, rows),
    };

    /// <summary>Start and stop times with near-ties merged jointly, as R's aeqSurv does on a
    /// (start, stop] response: the distinct values of both columns together decide what is tied.
    /// Returns this object when nothing changes. Throws when merging closes an interval.</summary>
    internal SurvivalData WithTimeFix()
    {
        if (Start is null)
        {
            var fixedTimes = TimeFix.Apply(Time);
            return ReferenceEquals(fixedTimes, Time) ? this : this with { Time = fixedTimes };
        }
        var (start, stop) = FixedIntervals();
        if (ReferenceEquals(stop, Time)) return this;
        if (FirstClosed(start, stop) is var row && row >= 0)
        {
            throw new ArgumentException($"row {row}: the interval ({Start[row]:R}, {Time[row]:R}] becomes empty once times within 1.5e-8 are merged (R's aeqSurv refuses it too)", nameof(Start));
        }
        return this with { Start = start, Time = stop };
    }

    /// <summary>The first row whose (start, stop] interval merging near-tied times (R's aeqSurv,
    /// see <see cref="TimeFix"/>) would close, or -1: such data cannot be analysed with the time fix.</summary>
    public int IntervalClosedByTimeFix()
    {
        if (Start is null) return -1;
        var (start, stop) = FixedIntervals();
        return FirstClosed(start, stop);
    }

    private static int FirstClosed(double[] start, double[] stop)
    {
        for (var i = 0; i < start.Length; i++)
        {
            if (!(start[i] < stop[i])) return i;
        }
        return -1;
    }

    /// <summary>Start and stop times fixed together; the arrays themselves when nothing changes.</summary>
    private (double[] Start, double[] Stop) FixedIntervals()
    {
        var n = Time.Length;
        var both = new double[2 * n];
        Start!.CopyTo(both, 0);
        Time.CopyTo(both, n);
        var fixedBoth = TimeFix.Apply(both);
        return ReferenceEquals(fixedBoth, both) ? (Start, Time) : (fixedBoth[..n], fixedBoth[n..]);
    }

    internal static T[] Gather<T>(T[] values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }
}
