namespace Pnen.Stats.Survival;

/// <summary>
/// The one sort every survival estimator needs: rows ordered by (group, time, row), with times
/// that differ by rounding noise merged first (R's aeqSurv, see <see cref="TimeFix"/>), in one
/// stable sort of all times (<see cref="DistinctTimeSort"/> when they take few values, else
/// <see cref="DoubleRadixSort"/>). The time fix is done on the sorted times in a single linear
/// pass, so it costs no second sort; the groups (curves, strata) are split off at the end by a stable
/// counting pass. The result is exactly the order the straightforward sort gives: ties keep row
/// order, as R's order() does.
/// </summary>
internal sealed class SurvivalOrder
{
    private SurvivalOrder(int[] rows, double[] times, int[] start)
    {
        Rows = rows;
        Times = times;
        Start = start;
    }

    /// <summary>Row indices in (group, fixed time, row) order.</summary>
    public int[] Rows { get; }

    /// <summary>The (fixed) time of each position of <see cref="Rows"/>.</summary>
    public double[] Times { get; }

    /// <summary>Group g occupies positions [Start[g], Start[g + 1]).</summary>
    public int[] Start { get; }

    /// <param name="time">Finite, non-negative times (checked by the caller).</param>
    /// <param name="group">Group codes 0..groupCount-1, or empty for one group.</param>
    public static SurvivalOrder Create(ReadOnlySpan<double> time, ReadOnlySpan<int> group, int groupCount, bool timeFix)
    {
        var n = time.Length;
        var grouped = !group.IsEmpty && groupCount > 1;
        if (!DistinctTimeSort.TrySort(time, out var times, out var rows)) (times, rows) = RadixSorted(time);
        if (timeFix) FixSorted(times, rows);

        if (!grouped)
        {
            // Every group but the first is empty (no rows at all, or a single group): a start per
            // group all the same, so a caller asking for several levels of an empty cohort gets n = 0 curves.
            var bounds = new int[Math.Max(groupCount, 1) + 1];
            Array.Fill(bounds, n, 1, bounds.Length - 1);
            return new SurvivalOrder(rows, times, bounds);
        }

        // Stable counting pass on the group: (time, row) order is kept within each group.
        var start = new int[groupCount + 1];
        foreach (var g in group) start[g + 1]++;
        for (var g = 0; g < groupCount; g++) start[g + 1] += start[g];
        var next = (int[])start.Clone();
        var groupedTimes = GC.AllocateUninitializedArray<double>(n);
        var groupedRows = GC.AllocateUninitializedArray<int>(n);
        for (var i = 0; i < n; i++)
        {
            var at = next[group[rows[i]]]++;
            groupedTimes[at] = times[i];
            groupedRows[at] = rows[i];
        }
        return new SurvivalOrder(groupedRows, groupedTimes, start);
    }

    /// <summary>The times in order (−0 as 0) and their rows, ties in row order, by a radix sort of their bits.</summary>
    private static (double[] Times, int[] Rows) RadixSorted(ReadOnlySpan<double> time)
    {
        var n = time.Length;
        var keys = GC.AllocateUninitializedArray<ulong>(n);
        var rows = GC.AllocateUninitializedArray<int>(n);
        for (var i = 0; i < n; i++)
        {
            keys[i] = DoubleRadixSort.Key(time[i]); // -0 sorts as +0, as they compare equal
            rows[i] = i;
        }
        var (sorted, sortedRows) = DoubleRadixSort.Sort(keys, rows);
        var times = GC.AllocateUninitializedArray<double>(n);
        TwoHalves.Run(0, n, DoubleRadixSort.ParallelSize, (from, to) =>
        {
            for (var i = from; i < to; i++) times[i] = DoubleRadixSort.Value(sorted[i]);
        });
        return (times, sortedRows!);
    }

    /// <summary>
    /// <see cref="TimeFix.Apply"/> on times already sorted: the same distinct values, the same mean
    /// absolute value (summed in the same ascending order), the same cuts, so the same fixed times.
    /// A run of merged times is put back in row order, as sorting the fixed times would leave it.
    /// </summary>
    private static void FixSorted(double[] times, int[] rows)
    {
        var n = times.Length;
        if (n < 2) return;
        var distinct = 0;
        var sumAbs = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && times[i] == times[i - 1]) continue;
            distinct++;
            sumAbs += Math.Abs(times[i]);
        }
        if (distinct < 2) return;
        var meanAbs = sumAbs / distinct;

        var cut = times[0];
        var previous = times[0];
        var runStart = 0;      // first position with the current cut
        var merged = false;    // the current run holds more than one original time
        for (var i = 1; i < n; i++)
        {
            var t = times[i];
            if (t == previous)
            {
                times[i] = cut;
                continue;
            }
            var gap = t - previous;
            previous = t;
            if (gap <= TimeFix.Tolerance || gap / meanAbs <= TimeFix.Tolerance)
            {
                times[i] = cut;
                merged = true;
                continue;
            }
            if (merged) rows.AsSpan(runStart, i - runStart).Sort();
            cut = t;
            runStart = i;
            merged = false;
        }
        if (merged) rows.AsSpan(runStart).Sort();
    }
}
