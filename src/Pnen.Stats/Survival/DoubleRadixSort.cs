namespace Pnen.Stats.Survival;

/// <summary>
/// A stable least-significant-digit radix sort of doubles of any sign, as 64-bit keys that order as
/// the values do (<see cref="Key"/>), optionally carrying a value (a row) with each. Stable means
/// equal keys keep the order they came in, which is what R's order() does with ties, so no second
/// comparison is needed. Eleven bits a digit, six passes at most, a digit every key shares skipped
/// (the high bits of times within a few powers of two of each other). Linear in n, and every access
/// is sequential or one of 2,048 write streams: at a million values several times faster than
/// <see cref="Array.Sort{T}(T[])"/>, which in a native AOT build compares doubles through a
/// comparer call, or a gather by row, which wanders through memory.
/// </summary>
internal static class DoubleRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    /// <summary>The bits of a finite double as an unsigned key in the order of the values (negative
    /// values inverted, positive ones with the sign bit set); −0 is taken as 0, so the two tie.</summary>
    public static ulong Key(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & (1UL << 63)) != 0 ? ~bits : bits | (1UL << 63);
    }

    /// <summary>The value of a <see cref="Key"/>.</summary>
    public static double Value(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & (1UL << 63)) != 0 ? key & ~(1UL << 63) : ~key));

    /// <summary>A sorted copy of <paramref name="values"/> (none NaN; −0 comes back as 0). Values
    /// that come in order (the event times of cox.zph's smooth, for one) are not sorted again: the
    /// stable sort would leave their keys where they are.</summary>
    public static double[] SortedCopy(ReadOnlySpan<double> values)
    {
        var keys = new ulong[values.Length];
        var ascending = true;
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(values[i]);
            if (i > 0 && keys[i] < keys[i - 1]) ascending = false;
        }
        var (sortedKeys, _) = ascending ? (keys, null) : Sort<int>(keys, null);
        var sorted = new double[sortedKeys.Length];
        for (var i = 0; i < sorted.Length; i++) sorted[i] = Value(sortedKeys[i]);
        return sorted;
    }

    /// <summary>Sorts <paramref name="keys"/> ascending, stably, permuting <paramref name="rows"/>
    /// (same length; a row, or any value that travels with its key) with them when given. Returns
    /// the sorted arrays, which are either the ones given or scratch arrays of the same length.</summary>
    /// <remarks>From <see cref="ParallelSize"/> keys on, each pass is split between two cores:
    /// each scatters one fixed half of the current array, the first half's keys of a bucket placed
    /// before the second's, so the result is exactly the serial sort's (a stable sort of the same
    /// keys has one outcome).</remarks>
    public static (ulong[] Keys, T[]? Rows) Sort<T>(ulong[] keys, T[]? rows) where T : unmanaged
    {
        var size = keys.Length;
        var half = size >= ParallelSize ? size / 2 : size;
        var counts = new int[Digits * Buckets];
        if (half == size) CountDigits(keys, 0, size, counts);
        else
        {
            var upper = new int[Digits * Buckets];
            Parallel.Invoke(() => CountDigits(keys, 0, half, counts), () => CountDigits(keys, half, size, upper));
            for (var i = 0; i < counts.Length; i++) counts[i] += upper[i];
        }

        var otherKeys = GC.AllocateUninitializedArray<ulong>(size);
        var otherRows = rows is null ? null : GC.AllocateUninitializedArray<T>(size);
        var lowerStart = new int[Buckets];
        var upperStart = new int[Buckets];
        for (var d = 0; d < Digits; d++)
        {
            var histogram = counts.AsSpan(d * Buckets, Buckets);
            if (size == 0 || histogram[(int)((keys[0] >> (d * DigitBits)) & (Buckets - 1))] == size) continue; // one bucket: the pass would change nothing
            var shift = d * DigitBits;
            if (half == size)
            {
                Starts(histogram, lowerStart);
                Scatter(keys, rows, 0, size, shift, lowerStart, otherKeys, otherRows);
            }
            else
            {
                // The first half's count of each bucket puts the second half's keys after its own.
                Array.Clear(upperStart);
                CountDigit(keys, 0, half, shift, upperStart);
                Starts(histogram, lowerStart);
                for (var b = 0; b < Buckets; b++) upperStart[b] += lowerStart[b];
                var (k, r, ok, or) = (keys, rows, otherKeys, otherRows);
                Parallel.Invoke(
                    () => Scatter(k, r, 0, half, shift, lowerStart, ok, or),
                    () => Scatter(k, r, half, size, shift, upperStart, ok, or));
            }
            (keys, otherKeys) = (otherKeys, keys);
            (rows, otherRows) = (otherRows, rows);
        }
        return (keys, rows);
    }

    /// <summary>From this many keys on, the histograms and passes run on two cores.</summary>
    internal const int ParallelSize = 1 << 16;

    private static void CountDigits(ulong[] keys, int from, int to, int[] counts)
    {
        for (var i = from; i < to; i++)
        {
            var key = keys[i];
            for (var d = 0; d < Digits; d++) counts[d * Buckets + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
        }
    }

    private static void CountDigit(ulong[] keys, int from, int to, int shift, int[] counts)
    {
        for (var i = from; i < to; i++) counts[(int)((keys[i] >> shift) & (Buckets - 1))]++;
    }

    /// <summary>Each bucket's first position: the counts before it.</summary>
    private static void Starts(ReadOnlySpan<int> histogram, int[] start)
    {
        var position = 0;
        for (var b = 0; b < Buckets; b++)
        {
            start[b] = position;
            position += histogram[b];
        }
    }

    /// <summary>Keys [from, to) (and their rows) to their bucket's next position; <paramref name="next"/> advances.</summary>
    private static void Scatter<T>(ulong[] keys, T[]? rows, int from, int to, int shift, int[] next, ulong[] targetKeys, T[]? targetRows)
        where T : unmanaged
    {
        for (var i = from; i < to; i++)
        {
            var key = keys[i];
            var at = next[(int)((key >> shift) & (Buckets - 1))]++;
            targetKeys[at] = key;
            if (rows is not null) targetRows![at] = rows[i];
        }
    }
}
