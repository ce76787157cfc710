namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// Each row's place in the order of the predictor, for unit case weights: row i owns slot
/// <see cref="Slot"/>[i] (0..n−1, all different), and the rows tied with it on the predictor own
/// the run of slots [<see cref="Low"/>[i], <see cref="High"/>[i]). Counting the rows of a set with
/// a smaller, equal or larger predictor is then counting occupied slots below Low, in the run, and
/// at or above High (<see cref="SlotCounter"/>). Found by a least-significant-digit radix sort of the
/// predictor's bits (11-bit digits, digits every value shares skipped): at a million rows several
/// times faster than a comparison sort of (value, row) pairs.
/// </summary>
internal sealed class PredictorSlots
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    private PredictorSlots(int[] slot, int[] low, int[] high)
    {
        Slot = slot;
        Low = low;
        High = high;
    }

    public int[] Slot { get; }

    /// <summary>The first slot of the row's run of equal predictors; equal Low means an equal predictor.</summary>
    public int[] Low { get; }

    /// <summary>One past the last slot of the row's run.</summary>
    public int[] High { get; }

    /// <summary>The slots of x[from..from+size) (−0 is 0; the values are finite).</summary>
    public static PredictorSlots Of(double[] x, int from, int size)
    {
        var keys = new ulong[size];
        var rows = new int[size];
        var counts = new int[Digits * Buckets];
        for (var i = 0; i < size; i++)
        {
            var key = SortableBits(x[from + i]);
            keys[i] = key;
            rows[i] = i;
            for (var d = 0; d < Digits; d++) counts[d * Buckets + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
        }

        var otherKeys = new ulong[size];
        var otherRows = new int[size];
        for (var d = 0; d < Digits; d++)
        {
            var histogram = counts.AsSpan(d * Buckets, Buckets);
            if (size == 0 || histogram[(int)((keys[0] >> (d * DigitBits)) & (Buckets - 1))] == size) continue; // one bucket: the pass would change nothing
            var position = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var count = histogram[b];
                histogram[b] = position;
                position += count;
            }
            var shift = d * DigitBits;
            for (var i = 0; i < size; i++)
            {
                var key = keys[i];
                var at = histogram[(int)((key >> shift) & (Buckets - 1))]++;
                otherKeys[at] = key;
                otherRows[at] = rows[i];
            }
            (keys, otherKeys) = (otherKeys, keys);
            (rows, otherRows) = (otherRows, rows);
        }

        var slot = new int[size];
        var low = new int[size];
        var high = new int[size];
        var start = 0;
        for (var j = 1; j <= size; j++)
        {
            if (j < size && keys[j] == keys[start]) continue;
            for (var k = start; k < j; k++)
            {
                var row = rows[k];
                slot[row] = k;
                low[row] = start;
                high[row] = j;
            }
            start = j;
        }
        return new PredictorSlots(slot, low, high);
    }

    /// <summary>The bits of a double as an unsigned key in the order of the values (negative values
    /// inverted, positive ones with the sign bit set); −0 is taken as 0, so the two tie.</summary>
    private static ulong SortableBits(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & (1UL << 63)) != 0 ? ~bits : bits | (1UL << 63);
    }
}
