namespace Pnen.Stats.Survival;

/// <summary>
/// Right-censored survival data aggregated to one entry per (stratum, group, time): how many rows
/// had the event there and how many were censored. This is what <c>GROUP BY stratum, group, time</c>
/// gives in any SQL engine, so a file larger than memory reaches the estimators as a few thousand
/// entries instead of its rows. Entries need not be sorted or unique; an entry with no rows is
/// ignored. Codes index the caller's level lists (group, stratum), as in the row-level entry points.
/// The estimators given these counts return exactly what they return for the rows they count.
/// </summary>
public sealed record SurvivalCounts
{
    public SurvivalCounts(int[] stratum, int[] group, double[] time, int[] events, int[] censored)
    {
        ArgumentNullException.ThrowIfNull(stratum);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(censored);
        var n = time.Length;
        if (stratum.Length != n || group.Length != n || events.Length != n || censored.Length != n)
        {
            throw new ArgumentException("stratum, group, time, events and censored must have one value per entry");
        }
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(time[i]) || time[i] < 0) throw new ArgumentException($"time[{i}] = {time[i]} is not a finite, non-negative number", nameof(time));
            if (events[i] < 0 || censored[i] < 0) throw new ArgumentException($"entry {i} has a negative count", nameof(events));
        }
        Stratum = stratum;
        Group = group;
        Time = time;
        Events = events;
        Censored = censored;
    }

    /// <summary>Stratum code of each entry (all 0 when unstratified).</summary>
    public int[] Stratum { get; }

    /// <summary>Group code of each entry (all 0 for one curve).</summary>
    public int[] Group { get; }

    public double[] Time { get; }

    /// <summary>Rows with the event at this (stratum, group, time).</summary>
    public int[] Events { get; }

    /// <summary>Rows censored at this (stratum, group, time).</summary>
    public int[] Censored { get; }

    public int Count => Time.Length;

    /// <summary>The counts of rows, as the row-level estimators see them: the aggregation of
    /// (stratum, group, time, status) rows, in the order the cells are first met. Used by tests and by
    /// callers that have rows.</summary>
    public static SurvivalCounts FromRows(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group, ReadOnlySpan<int> stratum)
    {
        SurvivalInput.Check(time, status);
        return SurvivalTally.TryCount(time, status, group, stratum, int.MaxValue)!;
    }

    /// <summary>
    /// The entries with R's aeqSurv applied (<see cref="TimeFix"/>: the distinct times of all
    /// entries pooled, as the row-level sort pools every row) and merged per (stratum, group,
    /// fixed time), sorted by stratum, group, time, or by stratum, time, group when
    /// <paramref name="timeMajor"/> (the order the log-rank walk wants). Entries without rows are dropped.
    /// </summary>
    internal (int[] Stratum, int[] Group, double[] Time, int[] Events, int[] Censored) Merged(bool timeFix, bool timeMajor = false)
    {
        var distinct = DistinctTimes();
        var fixedTimes = timeFix ? TimeFix.Apply(distinct) : distinct;
        // The fixed times ascend with the distinct ones, so a merged time is a run of positions:
        // number the runs, and an entry's time is its run.
        var run = new int[distinct.Length];
        for (var j = 1; j < run.Length; j++) run[j] = fixedTimes[j] == fixedTimes[j - 1] ? run[j - 1] : run[j - 1] + 1;
        var runTime = new double[distinct.Length == 0 ? 0 : run[^1] + 1];
        for (var j = 0; j < run.Length; j++) runTime[run[j]] = fixedTimes[j];

        var keys = new List<MergeKey>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (Events[i] == 0 && Censored[i] == 0) continue;
            var t = run[Array.BinarySearch(distinct, Time[i] == 0 ? 0.0 : Time[i])];
            keys.Add(timeMajor ? new MergeKey(Stratum[i], t, Group[i], i) : new MergeKey(Stratum[i], Group[i], t, i));
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted);

        var (stratum, group, time, events, censored) = (new List<int>(), new List<int>(), new List<double>(), new List<int>(), new List<int>());
        for (var at = 0; at < sorted.Length;)
        {
            var first = sorted[at];
            int d = 0, c = 0;
            for (; at < sorted.Length && sorted[at].SameCell(first); at++)
            {
                d = checked(d + Events[sorted[at].Entry]);
                c = checked(c + Censored[sorted[at].Entry]);
            }
            stratum.Add(first.Stratum);
            group.Add(timeMajor ? first.Second : first.First);
            time.Add(runTime[timeMajor ? first.First : first.Second]);
            events.Add(d);
            censored.Add(c);
        }
        return (stratum.ToArray(), group.ToArray(), time.ToArray(), events.ToArray(), censored.ToArray());
    }

    /// <summary>The distinct entry times, ascending, -0 as 0.</summary>
    private double[] DistinctTimes()
    {
        var sorted = DoubleRadixSort.SortedCopy(Time); // -0 comes back as 0
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
        }
        return sorted[..distinct];
    }

    /// <summary>An entry's cell, (stratum, group, time run) or (stratum, time run, group), ordered
    /// as those parts are, then by entry.</summary>
    private readonly record struct MergeKey(int Stratum, int First, int Second, int Entry) : IComparable<MergeKey>
    {
        public bool SameCell(MergeKey other) => Stratum == other.Stratum && First == other.First && Second == other.Second;

        public int CompareTo(MergeKey other)
        {
            var c = Stratum.CompareTo(other.Stratum);
            if (c == 0) c = First.CompareTo(other.First);
            if (c == 0) c = Second.CompareTo(other.Second);
            return c != 0 ? c : Entry.CompareTo(other.Entry);
        }
    }
}
