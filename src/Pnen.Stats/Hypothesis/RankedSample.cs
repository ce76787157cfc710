using Pnen.Stats.Descriptive;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The values of a rank test sorted once, each with its group (0..k−1), from which every rank
/// statistic is one sequential walk: mid-ranks (ties share the average of the ranks they span, as
/// R's <c>rank()</c>), their sums per group and the tie term Σ(t³ − t).
/// </summary>
/// <remarks>
/// Each group's values are sorted on their own (a summary per group needs them so anyway) and
/// merged: one comparison sort's worth of work for the per-group summaries, the overall summary
/// and the ranks together, where sorting each for its own purpose cost four. Mid-ranks are
/// multiples of ½ and their sums stay below 2⁵² for n up to 10⁷, so the sums are exact in any
/// order and equal those of ranks over one sort of all values.
/// </remarks>
internal sealed class RankedSample
{
    private readonly double[][] _byGroup;

    private RankedSample(double[][] byGroup)
    {
        _byGroup = byGroup;
        Counts = Array.ConvertAll(byGroup, values => values.Length);
        (Sorted, Group) = Merge(byGroup);
    }

    /// <summary>The values in ascending order.</summary>
    public double[] Sorted { get; }

    /// <summary>The group of each sorted value.</summary>
    public int[] Group { get; }

    /// <summary>The number of values in each group (zero for a group without values).</summary>
    public int[] Counts { get; }

    public int GroupCount => Counts.Length;

    public int N => Sorted.Length;

    /// <summary>True when every value is the same.</summary>
    public bool IsConstant => N > 0 && Sorted[0] == Sorted[^1];

    /// <summary>Sorts finite values with their group codes 0..<paramref name="groupCount"/>−1; a NaN value or a negative code is missing and left out.</summary>
    public static RankedSample Of(ReadOnlySpan<double> values, ReadOnlySpan<int> groups, int groupCount)
    {
        var counts = new int[groupCount];
        for (var i = 0; i < values.Length; i++)
            if (groups[i] >= 0 && !double.IsNaN(values[i])) counts[groups[i]]++;
        var byGroup = new double[groupCount][];
        for (var g = 0; g < groupCount; g++) byGroup[g] = new double[counts[g]];
        Array.Clear(counts);
        for (var i = 0; i < values.Length; i++)
        {
            var g = groups[i];
            if (g >= 0 && !double.IsNaN(values[i])) byGroup[g][counts[g]++] = values[i];
        }
        foreach (var sample in byGroup) BucketSort.Sort(sample);
        return new RankedSample(byGroup);
    }

    internal static RankedSample Of(GroupedSample sample) => Of(sample.Values, sample.Group, sample.GroupCount);

    /// <summary>The sum of the mid-ranks in each group, and Σ(t³ − t) over the tie groups.</summary>
    public (double[] RankSums, double Ties) RankSums()
    {
        var sums = new double[GroupCount];
        var ties = 0.0;
        var n = N;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && Sorted[end] == Sorted[start]) end++;
            var mid = (start + 1 + end) / 2.0; // the average of ranks start+1..end
            for (var i = start; i < end; i++) sums[Group[i]] += mid;
            double t = end - start;
            ties += t * t * t - t;
            start = end;
        }
        return (sums, ties);
    }

    /// <summary>The sorted values of each group.</summary>
    public double[][] SortedByGroup() => _byGroup;

    /// <summary>A k-way merge of the sorted groups; of equal values the lower group comes first.</summary>
    private static (double[] Sorted, int[] Group) Merge(double[][] byGroup)
    {
        var k = byGroup.Length;
        var n = byGroup.Sum(values => values.Length);
        var sorted = new double[n];
        var group = new int[n];
        // Each group's next value, +∞ once it is used up (the values are finite), so the inner
        // loop is a plain minimum over k numbers.
        var heads = new double[k];
        var next = new int[k];
        for (var g = 0; g < k; g++) heads[g] = byGroup[g].Length > 0 ? byGroup[g][0] : double.PositiveInfinity;
        for (var at = 0; at < n; at++)
        {
            var best = 0;
            var smallest = heads[0];
            for (var g = 1; g < k; g++)
            {
                if (heads[g] < smallest)
                {
                    smallest = heads[g];
                    best = g;
                }
            }
            sorted[at] = smallest;
            group[at] = best;
            var values = byGroup[best];
            var i = ++next[best];
            heads[best] = i < values.Length ? values[i] : double.PositiveInfinity;
        }
        return (sorted, group);
    }
}
