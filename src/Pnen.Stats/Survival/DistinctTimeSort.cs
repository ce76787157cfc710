namespace Pnen.Stats.Survival;

/// <summary>
/// A stable sort of times for the usual case of few distinct values (days, months, a tenth of a
/// year: a few thousand values at a million rows). One pass numbers the distinct times with an
/// open-addressing hash table; the few distinct times are sorted; a counting pass then places every
/// row after the rows of smaller times and after the earlier rows of its own time. Two passes over
/// the rows instead of a radix sort's seven, and no key or payload arrays: exactly the order of
/// <see cref="DoubleRadixSort"/> (ties in row order) in a third of the memory, which matters as
/// much as the passes, since a fresh page costs more than sorting what it holds. Gives up as soon
/// as there are more than <see cref="MaxDistinct"/> distinct times, which with continuous times
/// happens within the first few thousand rows.
/// </summary>
internal static class DistinctTimeSort
{
    /// <summary>At most this many distinct times: their table and counts stay in the first-level cache.</summary>
    public const int MaxDistinct = 4096;

    private const int TableBits = 13;
    private const int TableSize = 1 << TableBits; // twice MaxDistinct: at most half full
    private const ulong Empty = 0; // no time's key is 0: DoubleRadixSort.Key sets the sign bit of every non-negative value

    /// <summary>The times in ascending order (−0 as 0) and the row each came from, ties in row
    /// order; false, with nothing sorted, when the times are not all non-negative or take more than
    /// <see cref="MaxDistinct"/> values.</summary>
    public static bool TrySort(ReadOnlySpan<double> time, out double[] sortedTimes, out int[] rows)
    {
        sortedTimes = [];
        rows = [];
        var n = time.Length;
        var table = new ulong[TableSize];
        var slotId = new int[TableSize];
        var distinct = new ulong[MaxDistinct];
        var count = new int[MaxDistinct];
        var id = GC.AllocateUninitializedArray<ushort>(n);
        var used = 0;
        for (var i = 0; i < n; i++)
        {
            if (!(time[i] >= 0)) return false;
            var key = DoubleRadixSort.Key(time[i]);
            // Fibonacci hashing (Knuth, TAOCP 6.4): the high bits of key·2^64/φ, linear probing.
            var slot = (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - TableBits));
            while (table[slot] != key && table[slot] != Empty) slot = (slot + 1) & (TableSize - 1);
            if (table[slot] == Empty)
            {
                if (used == MaxDistinct) return false;
                table[slot] = key;
                slotId[slot] = used;
                distinct[used++] = key;
            }
            var k = slotId[slot];
            id[i] = (ushort)k;
            count[k]++;
        }

        // The distinct times in order, each one's value and where its rows start.
        var byKey = new int[used];
        for (var k = 0; k < used; k++) byKey[k] = k;
        Array.Sort(distinct, byKey, 0, used);
        var next = new int[used];
        var value = new double[used];
        var position = 0;
        for (var r = 0; r < used; r++)
        {
            next[byKey[r]] = position;
            value[byKey[r]] = DoubleRadixSort.Value(distinct[r]);
            position += count[byKey[r]];
        }

        var times = sortedTimes = GC.AllocateUninitializedArray<double>(n);
        var order = rows = GC.AllocateUninitializedArray<int>(n);
        for (var i = 0; i < n; i++)
        {
            var k = id[i];
            var at = next[k]++;
            times[at] = value[k];
            order[at] = i;
        }
        return true;
    }
}
