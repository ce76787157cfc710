using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Survival.Reference;

// The straightforward implementation as it was before the registry-scale optimisation (issue 8),
// kept verbatim as the slow reference that the optimised engine is checked against at scale.

/// <summary>Argument checks shared by the survival estimators. Data errors are the caller's to
/// report with file and row; here a bad value is a programming error and says which index.</summary>
internal static class ReferenceSurvivalInput
{
    public static void Check(ReadOnlySpan<double> time, ReadOnlySpan<bool> status)
    {
        if (time.Length != status.Length)
        {
            throw new ArgumentException($"time has {time.Length} values but status has {status.Length}");
        }
        for (var i = 0; i < time.Length; i++)
        {
            if (!double.IsFinite(time[i]) || time[i] < 0)
            {
                throw new ArgumentException($"time[{i}] = {time[i]} is not a finite, non-negative number", nameof(time));
            }
        }
    }

    public static void CheckGroups(ReadOnlySpan<int> group, int levelCount, int length, string name)
    {
        if (group.Length != length) throw new ArgumentException($"{name} has {group.Length} values but time has {length}", name);
        for (var i = 0; i < group.Length; i++)
        {
            if ((uint)group[i] >= (uint)levelCount)
            {
                throw new ArgumentException($"{name}[{i}] = {group[i]} is not a level index in [0, {levelCount})", name);
            }
        }
    }

    /// <summary>Row indices ordered by (group, time), ties in row order as R's order() leaves them:
    /// a counting sort on the group, then a sort on (time, row) within each group. Returns the order
    /// and where each group starts.</summary>
    public static (int[] Order, int[] Start) OrderByGroupThenTime(ReadOnlySpan<double> time, ReadOnlySpan<int> group, int groupCount)
    {
        var start = new int[groupCount + 1];
        for (var i = 0; i < group.Length; i++) start[group[i] + 1]++;
        for (var g = 0; g < groupCount; g++) start[g + 1] += start[g];

        var rows = new TimedRow[time.Length];
        var next = (int[])start.Clone();
        for (var i = 0; i < group.Length; i++) rows[next[group[i]]++] = new TimedRow(time[i], i);
        for (var g = 0; g < groupCount; g++) Array.Sort(rows, start[g], start[g + 1] - start[g]);

        var order = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) order[i] = rows[i].Row;
        return (order, start);
    }

    /// <summary>Row indices ordered by time, ties in row order.</summary>
    public static int[] OrderByTime(ReadOnlySpan<double> time)
    {
        var rows = new TimedRow[time.Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = new TimedRow(time[i], i);
        Array.Sort(rows);
        var order = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++) order[i] = rows[i].Row;
        return order;
    }

    private readonly record struct TimedRow(double Time, int Row) : IComparable<TimedRow>
    {
        public int CompareTo(TimedRow other)
        {
            var byTime = Time.CompareTo(other.Time);
            return byTime != 0 ? byTime : Row.CompareTo(other.Row);
        }
    }
}
