namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The non-missing values of a k-sample test, with the groups that have any renumbered 0..k−1.
/// A NaN value or a negative group code is missing; an infinite value is a programming error.
/// </summary>
internal sealed class GroupedSample : IGroupSums
{
    private GroupedSample(double[] values, int[] group, int[] counts)
    {
        Values = values;
        Group = group;
        Counts = counts;
    }

    public double[] Values { get; }

    /// <summary>Group of each value, 0..<see cref="GroupCount"/>−1.</summary>
    public int[] Group { get; }

    /// <summary>Number of values in each non-empty group.</summary>
    public int[] Counts { get; }

    public int GroupCount => Counts.Length;

    public int N => Values.Length;

    public long Total => N;

    public long Size(int g) => Counts[g];

    /// <summary>The mean of all values, as LINQ's Average sums them (in order).</summary>
    public double GrandMean() => Values.Average();

    public static GroupedSample From(ReadOnlySpan<double> values, ReadOnlySpan<int> groups)
    {
        if (values.Length != groups.Length)
            throw new ArgumentException($"values and group codes differ in length ({values.Length} and {groups.Length})");
        var maxCode = -1;
        var kept = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i])) throw new ArgumentException($"value at position {i} is infinite", nameof(values));
            if (double.IsNaN(values[i]) || groups[i] < 0) continue;
            maxCode = Math.Max(maxCode, groups[i]);
            kept++;
        }
        var countsByCode = new int[maxCode + 1];
        for (var i = 0; i < values.Length; i++)
            if (!double.IsNaN(values[i]) && groups[i] >= 0) countsByCode[groups[i]]++;
        var compact = new int[maxCode + 1];
        var k = 0;
        for (var c = 0; c <= maxCode; c++) compact[c] = countsByCode[c] > 0 ? k++ : -1;
        var counts = new int[k];
        var kValues = new double[kept];
        var kGroups = new int[kept];
        for (int i = 0, at = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || groups[i] < 0) continue;
            kValues[at] = values[i];
            kGroups[at] = compact[groups[i]];
            counts[kGroups[at]]++;
            at++;
        }
        return new GroupedSample(kValues, kGroups, counts);
    }

    public static GroupedSample From(IReadOnlyList<double[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var total = samples.Sum(s => s.Length);
        var values = new double[total];
        var groups = new int[total];
        var at = 0;
        for (var g = 0; g < samples.Count; g++)
        {
            samples[g].CopyTo(values, at);
            groups.AsSpan(at, samples[g].Length).Fill(g);
            at += samples[g].Length;
        }
        return From(values, groups);
    }

    /// <summary>Mean of each group.</summary>
    public double[] Means()
    {
        var sums = new double[GroupCount];
        for (var i = 0; i < N; i++) sums[Group[i]] += Values[i];
        for (var g = 0; g < GroupCount; g++) sums[g] /= Counts[g];
        return sums;
    }

    /// <summary>Σ (x − group mean)² of each group, from the means of <see cref="Means"/> (two passes).</summary>
    public double[] SumsOfSquares(double[] means)
    {
        var ss = new double[GroupCount];
        for (var i = 0; i < N; i++)
        {
            var d = Values[i] - means[Group[i]];
            ss[Group[i]] += d * d;
        }
        return ss;
    }

    /// <summary>True when every value is the same.</summary>
    public bool IsConstant()
    {
        for (var i = 1; i < N; i++)
            if (Values[i] != Values[0]) return false;
        return true;
    }
}
