namespace Pnen.Stats.Survival.TimeDependent;

/// <summary>
/// Splits one record per patient into the (start, stop] intervals of time-dependent 0/1
/// covariates, as R survival's <c>tmerge(data, data, id, death = event(stop, status), x = tdc(time))</c>
/// does, one covariate after another: a covariate is 0 before its time and 1 from it on, so a
/// record is cut at every such time strictly inside its interval, each piece gets 1 where the
/// time is at or before the piece's start (tmerge2.c: the last time ≤ the interval's start), and
/// only the last piece keeps the event. Hence a time at or before the start (0, or negative) makes
/// the covariate 1 throughout, a time at or after the end of follow-up leaves it 0 throughout
/// and does not split, and a missing time (NaN) means never. Records come out in input order,
/// each patient's pieces in time order, as tmerge sorts them by id and time.
/// </summary>
public static class TimeDependentSplit
{
    /// <param name="stop">Follow-up time of each patient.</param>
    /// <param name="status">Whether follow-up ends in the event.</param>
    /// <param name="changeTimes">Per covariate, the time each patient's value turns from 0 to 1 (NaN: never).</param>
    /// <param name="start">Entry times ((start, stop] records); empty for tmerge's default, 0.</param>
    public static TimeDependentRecords Split(
        ReadOnlySpan<double> stop,
        ReadOnlySpan<bool> status,
        IReadOnlyList<double[]> changeTimes,
        ReadOnlySpan<double> start = default)
    {
        var n = stop.Length;
        if (status.Length != n) throw new ArgumentException($"status has {status.Length} values but stop has {n}", nameof(status));
        if (!start.IsEmpty && start.Length != n) throw new ArgumentException($"start has {start.Length} values but stop has {n}", nameof(start));
        foreach (var times in changeTimes)
        {
            if (times.Length != n) throw new ArgumentException($"a change time column has {times.Length} values but stop has {n}", nameof(changeTimes));
        }

        var starts = new List<double>(n);
        var stops = new List<double>(n);
        var events = new List<bool>(n);
        var rows = new List<int>(n);
        var cuts = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var begin = start.IsEmpty ? 0 : start[i];
            var end = stop[i];
            if (!double.IsFinite(begin) || !double.IsFinite(end) || !(begin < end))
            {
                throw new ArgumentException($"row {i}: the interval ({begin:R}, {end:R}] is empty or not finite; tmerge needs start < stop (a time of 0 cannot follow the default start 0)", nameof(stop));
            }
            cuts.Clear();
            foreach (var times in changeTimes)
            {
                var t = times[i];
                if (t > begin && t < end) cuts.Add(t); // NaN compares false: never
            }
            cuts.Sort();
            var from = begin;
            foreach (var cut in cuts)
            {
                if (cut == from) continue; // two covariates changing at the same time: one cut
                starts.Add(from);
                stops.Add(cut);
                events.Add(false);
                rows.Add(i);
                from = cut;
            }
            starts.Add(from);
            stops.Add(end);
            events.Add(status[i]);
            rows.Add(i);
        }

        var covariates = new double[changeTimes.Count][];
        for (var c = 0; c < covariates.Length; c++)
        {
            var times = changeTimes[c];
            var values = new double[rows.Count];
            for (var r = 0; r < values.Length; r++) values[r] = times[rows[r]] <= starts[r] ? 1 : 0;
            covariates[c] = values;
        }
        return new TimeDependentRecords(starts.ToArray(), stops.ToArray(), events.ToArray(), rows.ToArray(), covariates);
    }
}
