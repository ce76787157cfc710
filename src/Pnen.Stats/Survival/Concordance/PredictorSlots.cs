namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// Each row's place in the order of the predictor, for unit case weights: row i owns slot
/// <see cref="Slot"/>[i] (0..n−1, all different), and the rows tied with it on the predictor own
/// the run of slots [<see cref="Low"/>[i], <see cref="High"/>[i]). Counting the rows of a set with
/// a smaller, equal or larger predictor is then counting occupied slots below Low, in the run, and
/// at or above High (<see cref="SlotCounter"/>). Found by a radix sort of the predictor's bits
/// (<see cref="DoubleRadixSort"/>): at a million rows several times faster than a comparison sort
/// of (value, row) pairs.
/// </summary>
internal sealed class PredictorSlots
{
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
        var keys = GC.AllocateUninitializedArray<ulong>(size);
        var rows = GC.AllocateUninitializedArray<int>(size);
        TwoHalves.Run(0, size, DoubleRadixSort.ParallelSize, (begin, end) =>
        {
            for (var i = begin; i < end; i++)
            {
                keys[i] = DoubleRadixSort.Key(x[from + i]);
                rows[i] = i;
            }
        });
        var (sortedKeys, sortedRows) = DoubleRadixSort.Sort(keys, rows);

        var slot = GC.AllocateUninitializedArray<int>(size);
        var low = GC.AllocateUninitializedArray<int>(size);
        var high = GC.AllocateUninitializedArray<int>(size);
        // Two parts that meet where the predictor changes, so that no run of ties is split.
        var split = size < DoubleRadixSort.ParallelSize ? size : RunStartFrom(sortedKeys, size / 2);
        if (split == size) Runs(sortedKeys, sortedRows!, 0, size, slot, low, high);
        else
        {
            Parallel.Invoke(
                () => Runs(sortedKeys, sortedRows!, 0, split, slot, low, high),
                () => Runs(sortedKeys, sortedRows!, split, size, slot, low, high));
        }
        return new PredictorSlots(slot, low, high);
    }

    /// <summary>The first position at or after <paramref name="j"/> that starts a run of equal keys.</summary>
    private static int RunStartFrom(ulong[] keys, int j)
    {
        while (j > 0 && j < keys.Length && keys[j] == keys[j - 1]) j++;
        return j;
    }

    /// <summary>Slot, Low and High of the sorted positions [begin, end), which start a run.</summary>
    private static void Runs(ulong[] keys, int[] rows, int begin, int end, int[] slot, int[] low, int[] high)
    {
        var start = begin;
        for (var j = begin + 1; j <= end; j++)
        {
            if (j < end && keys[j] == keys[start]) continue;
            for (var k = start; k < j; k++)
            {
                var row = rows[k];
                slot[row] = k;
                low[row] = start;
                high[row] = j;
            }
            start = j;
        }
    }
}
