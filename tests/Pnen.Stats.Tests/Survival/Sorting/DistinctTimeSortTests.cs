using Pnen.Stats.Survival;

namespace Pnen.Stats.Tests.Survival.Sorting;

/// <summary>
/// The counting sort for few distinct times must give exactly what a stable comparison sort gives
/// (LINQ's OrderBy on the times, ties in row order, −0 with 0), up to its limit of distinct values,
/// and decline beyond it, or on a negative or NaN time, so that the radix sort takes over.
/// </summary>
public class DistinctTimeSortTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(200_000, 1200)]
    [InlineData(50_000, DistinctTimeSort.MaxDistinct)]
    public void EqualsAStableComparisonSort(int n, int distinctTimes)
    {
        var random = new Random(n + distinctTimes);
        // Times on a grid of 0.1 (not exact in binary), half of the zeros −0.
        var times = Enumerable.Range(0, n).Select(i => i < distinctTimes ? i * 0.1 : random.Next(distinctTimes) * 0.1)
            .Select(t => t == 0 && random.Next(2) == 0 ? -0.0 : t).ToArray();

        Assert.True(DistinctTimeSort.TrySort(times, out var sortedTimes, out var rows));

        var expected = Enumerable.Range(0, n).OrderBy(i => times[i] == 0 ? 0 : times[i]).ToArray();
        Assert.Equal(expected, rows);
        Assert.Equal(expected.Select(i => BitConverter.DoubleToInt64Bits(times[i] == 0 ? 0 : times[i])), sortedTimes.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void DeclinesMoreDistinctTimesThanItsLimit()
    {
        var times = Enumerable.Range(0, DistinctTimeSort.MaxDistinct + 1).Select(i => i * 0.5).ToArray();

        Assert.False(DistinctTimeSort.TrySort(times, out _, out _));
        Assert.True(DistinctTimeSort.TrySort(times.AsSpan(1), out _, out _));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void DeclinesATimeItCannotKey(double bad)
    {
        Assert.False(DistinctTimeSort.TrySort([1.0, bad, 2.0], out _, out _));
    }
}
