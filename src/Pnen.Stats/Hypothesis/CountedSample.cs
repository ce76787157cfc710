namespace Pnen.Stats.Hypothesis;

/// <summary>
/// A k-sample test's values given as counts of distinct values per group, as
/// <c>GROUP BY group, value</c> gives them: what the rank and variance tests need, computed without
/// the rows. Ranks are mid-ranks from the pooled cumulative counts (as R's <c>rank()</c> gives every
/// tied value the mean of the ranks it spans), Σ(t³ − t) from the pooled counts; sums run over the
/// distinct values in ascending order, each value times its count, so they equal the row-level sums
/// up to the order of floating-point additions. Groups without values are left out, as
/// <see cref="GroupedSample"/> leaves them out.
/// </summary>
internal sealed class CountedSample : IGroupSums
{
    private CountedSample(double[][] values, long[][] counts)
    {
        Values = values;
        GroupCounts = counts;
        Counts = counts.Select(c => c.Sum()).ToArray();
        N = Counts.Sum();
        var pooled = new SortedDictionary<double, long>();
        for (var g = 0; g < values.Length; g++)
        {
            for (var i = 0; i < values[g].Length; i++) pooled[values[g][i]] = pooled.GetValueOrDefault(values[g][i]) + counts[g][i];
        }
        Pooled = pooled.Keys.ToArray();
        PooledCounts = pooled.Values.ToArray();
    }

    /// <summary>Distinct values of each non-empty group, ascending.</summary>
    public double[][] Values { get; }

    /// <summary>How many times each of <see cref="Values"/> occurs.</summary>
    public long[][] GroupCounts { get; }

    /// <summary>Values per non-empty group.</summary>
    public long[] Counts { get; }

    public long N { get; }

    public int GroupCount => Values.Length;

    public long Total => N;

    public long Size(int g) => Counts[g];

    /// <summary>The distinct values of all groups, ascending, and their counts.</summary>
    public double[] Pooled { get; }

    public long[] PooledCounts { get; }

    /// <param name="values">Per group, its distinct finite values ascending (empty for a group without values).</param>
    /// <param name="counts">Per group, each value's count (positive).</param>
    public static CountedSample From(IReadOnlyList<double[]> values, IReadOnlyList<long[]> counts)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(counts);
        if (values.Count != counts.Count) throw new ArgumentException("one count array per group is needed", nameof(counts));
        var keep = Enumerable.Range(0, values.Count).Where(g => values[g].Length > 0).ToArray();
        foreach (var g in keep)
        {
            if (values[g].Length != counts[g].Length) throw new ArgumentException($"group {g} has {values[g].Length} values but {counts[g].Length} counts", nameof(counts));
            for (var i = 0; i < values[g].Length; i++)
            {
                if (!double.IsFinite(values[g][i]) || (i > 0 && !(values[g][i] > values[g][i - 1]))) throw new ArgumentException($"group {g}: values must be finite, distinct and ascending", nameof(values));
                if (counts[g][i] <= 0) throw new ArgumentException($"group {g}: counts must be positive", nameof(counts));
            }
        }
        return new CountedSample(keep.Select(g => values[g]).ToArray(), keep.Select(g => counts[g]).ToArray());
    }

    public bool IsConstant() => Pooled.Length <= 1;

    /// <summary>Mean of each group: Σ c·v / n.</summary>
    public double[] Means()
    {
        var means = new double[GroupCount];
        for (var g = 0; g < GroupCount; g++)
        {
            var sum = 0.0;
            for (var i = 0; i < Values[g].Length; i++) sum += GroupCounts[g][i] * Values[g][i];
            means[g] = sum / Counts[g];
        }
        return means;
    }

    /// <summary>The mean of all values: Σ c·v / N.</summary>
    public double GrandMean()
    {
        var sum = 0.0;
        for (var i = 0; i < Pooled.Length; i++) sum += PooledCounts[i] * Pooled[i];
        return sum / N;
    }

    /// <summary>Σ c (v − group mean)² of each group.</summary>
    public double[] SumsOfSquares(double[] means)
    {
        var ss = new double[GroupCount];
        for (var g = 0; g < GroupCount; g++)
        {
            for (var i = 0; i < Values[g].Length; i++)
            {
                var d = Values[g][i] - means[g];
                ss[g] += GroupCounts[g][i] * (d * d);
            }
        }
        return ss;
    }

    /// <summary>Each group's sum of mid-ranks among all values, and Σ (t³ − t) over the tied values.</summary>
    public (double[] RankSums, double Ties) RankSums()
    {
        var midRank = new Dictionary<double, double>(Pooled.Length);
        var ties = 0.0;
        var before = 0L;
        for (var i = 0; i < Pooled.Length; i++)
        {
            double t = PooledCounts[i];
            midRank[Pooled[i]] = (before + 1 + (before + PooledCounts[i])) / 2.0;
            ties += t * t * t - t;
            before += PooledCounts[i];
        }
        var sums = new double[GroupCount];
        for (var g = 0; g < GroupCount; g++)
        {
            for (var i = 0; i < Values[g].Length; i++) sums[g] += GroupCounts[g][i] * midRank[Values[g][i]];
        }
        return (sums, ties);
    }
}
