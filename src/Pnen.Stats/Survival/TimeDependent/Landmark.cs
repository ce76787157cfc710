namespace Pnen.Stats.Survival.TimeDependent;

/// <summary>
/// A landmark analysis at time T: only the patients still followed after T (time &gt; T), their
/// time measured from T, and each time-dependent 0/1 covariate fixed at its value at T (1 when
/// its time is at or before T), so that no one is classed by what happens after the landmark.
/// The records are right-censored; the same as building the landmark data set by hand in R.
/// </summary>
public static class Landmark
{
    /// <param name="time">Follow-up time of each patient.</param>
    /// <param name="status">Whether follow-up ends in the event.</param>
    /// <param name="landmark">The landmark time T.</param>
    /// <param name="changeTimes">Per covariate, the time each patient's value turns from 0 to 1 (NaN: never).</param>
    public static TimeDependentRecords Apply(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, double landmark, IReadOnlyList<double[]> changeTimes)
    {
        if (!double.IsFinite(landmark)) throw new ArgumentOutOfRangeException(nameof(landmark), landmark, "the landmark must be a finite time");
        if (status.Length != time.Length) throw new ArgumentException($"status has {status.Length} values but time has {time.Length}", nameof(status));
        var rows = new List<int>(time.Length);
        for (var i = 0; i < time.Length; i++)
        {
            if (time[i] > landmark) rows.Add(i);
        }

        var kept = rows.ToArray();
        var stop = new double[kept.Length];
        var events = new bool[kept.Length];
        for (var r = 0; r < kept.Length; r++)
        {
            stop[r] = time[kept[r]] - landmark;
            events[r] = status[kept[r]];
        }
        var covariates = new double[changeTimes.Count][];
        for (var c = 0; c < covariates.Length; c++)
        {
            var times = changeTimes[c];
            if (times.Length != time.Length) throw new ArgumentException($"a change time column has {times.Length} values but time has {time.Length}", nameof(changeTimes));
            covariates[c] = kept.Select(row => times[row] <= landmark ? 1.0 : 0.0).ToArray();
        }
        return new TimeDependentRecords(null, stop, events, kept, covariates);
    }
}
