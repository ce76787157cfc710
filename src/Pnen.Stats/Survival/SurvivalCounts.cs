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
    /// (stratum, group, time, status) rows. Used by tests and by callers that have rows.</summary>
    public static SurvivalCounts FromRows(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group, ReadOnlySpan<int> stratum)
    {
        SurvivalInput.Check(time, status);
        var cells = new Dictionary<(int S, int G, double T), (int D, int C)>();
        for (var i = 0; i < time.Length; i++)
        {
            var key = (stratum.IsEmpty ? 0 : stratum[i], group.IsEmpty ? 0 : group[i], time[i] == 0 ? 0 : time[i]);
            var (d, c) = cells.GetValueOrDefault(key);
            cells[key] = status[i] ? (d + 1, c) : (d, c + 1);
        }
        var keys = cells.Keys.Order().ToArray();
        return new SurvivalCounts(
            keys.Select(k => k.S).ToArray(), keys.Select(k => k.G).ToArray(), keys.Select(k => k.T).ToArray(),
            keys.Select(k => cells[k].D).ToArray(), keys.Select(k => cells[k].C).ToArray());
    }

    /// <summary>
    /// The entries with R's aeqSurv applied (<see cref="TimeFix"/>: the distinct times of all
    /// entries pooled, as the row-level sort pools every row) and merged per (stratum, group,
    /// fixed time), sorted by stratum, group, time. Entries without rows are dropped.
    /// </summary>
    internal (int[] Stratum, int[] Group, double[] Time, int[] Events, int[] Censored) Merged(bool timeFix)
    {
        var distinct = Time.Select(t => t == 0 ? 0.0 : t).Distinct().Order().ToArray();
        var fixedTimes = timeFix ? TimeFix.Apply(distinct) : distinct;
        var cells = new SortedDictionary<(int S, int G, double T), (int D, int C)>();
        for (var i = 0; i < Count; i++)
        {
            if (Events[i] == 0 && Censored[i] == 0) continue;
            var t = fixedTimes[Array.BinarySearch(distinct, Time[i] == 0 ? 0.0 : Time[i])];
            var key = (Stratum[i], Group[i], t);
            var (d, c) = cells.GetValueOrDefault(key);
            cells[key] = (checked(d + Events[i]), checked(c + Censored[i]));
        }
        return (cells.Keys.Select(k => k.S).ToArray(), cells.Keys.Select(k => k.G).ToArray(), cells.Keys.Select(k => k.T).ToArray(),
            cells.Values.Select(v => v.D).ToArray(), cells.Values.Select(v => v.C).ToArray());
    }
}
