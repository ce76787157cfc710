using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Concordance;

namespace Pnen.Stats.Tests.Survival.Sorting;

/// <summary>
/// The radix sort splits each pass between two cores from <see cref="DoubleRadixSort.ParallelSize"/>
/// keys on; a stable sort has one outcome, so at every size it must equal a stable comparison sort
/// (LINQ's OrderBy on the values, ties in row order), and the slots of the concordance must give
/// tied predictors one run and every row a slot of its own. Sizes straddle the split, with many
/// ties, both signs, −0 and values that share their high bits (digits every key has in common are skipped).
/// </summary>
public class DoubleRadixSortTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 1.0)]
    [InlineData(1000, 1.0)]
    [InlineData(DoubleRadixSort.ParallelSize - 1, 1.0)]
    [InlineData(DoubleRadixSort.ParallelSize, 1.0)]
    [InlineData(200_003, 1.0)]
    [InlineData(200_003, 1e-3)]
    [InlineData(200_003, 0.0)]
    public void EqualsAStableComparisonSort(int n, double spread)
    {
        var values = Values(n, spread, seed: n);
        var keys = values.Select(DoubleRadixSort.Key).ToArray();
        var rows = Enumerable.Range(0, n).ToArray();

        var (sortedKeys, sortedRows) = DoubleRadixSort.Sort(keys, rows);

        var expected = Enumerable.Range(0, n).OrderBy(i => values[i] == 0 ? 0 : values[i]).ToArray();
        Assert.Equal(expected, sortedRows);
        Assert.Equal(expected.Select(i => DoubleRadixSort.Key(values[i])), sortedKeys);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(200_003)]
    public void SlotsGiveTiesOneRunAndEveryRowItsOwnSlot(int n)
    {
        var values = Values(n, 1.0, seed: 7 * n);

        var slots = PredictorSlots.Of(values, 0, n);

        Assert.Equal(Enumerable.Range(0, n), slots.Slot.OrderBy(s => s));
        var byValue = Enumerable.Range(0, n).GroupBy(i => values[i] == 0 ? 0 : values[i]).OrderBy(g => g.Key).ToArray();
        var first = 0;
        foreach (var tie in byValue)
        {
            var last = first + tie.Count();
            foreach (var row in tie)
            {
                Assert.Equal(first, slots.Low[row]);
                Assert.Equal(last, slots.High[row]);
                Assert.InRange(slots.Slot[row], first, last - 1);
            }
            first = last;
        }
    }

    /// <summary>Values on a grid of 1/8 (so about one in four repeats another), scaled by the
    /// spread, with some −0 and +0; spread 0 makes every value 0 or −0.</summary>
    private static double[] Values(int n, double spread, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = Math.Round((random.NextDouble() * 2 - 1) * n / 32.0 * 8) / 8 * spread;
            values[i] = random.Next(50) == 0 ? (random.Next(2) == 0 ? -0.0 : 0.0) : v;
        }
        return values;
    }
}
