namespace Pnen.Stats.Descriptive;

/// <summary>
/// Sorts finite doubles by distributing them over n/8 equal-width buckets between the minimum and
/// the maximum and sorting each small bucket: about three times faster than a comparison sort of
/// a million values spread smoothly (the continuous rows of a Table 1), and no slower than one
/// when they bunch into a few buckets. The bucket index ⌊(v − min)·scale⌋ never decreases as v
/// grows (IEEE subtraction, multiplication and truncation are monotone), so every value of a
/// bucket is at most every value of the next and the result is exactly the sorted order.
/// </summary>
internal static class BucketSort
{
    private const int SmallestWorthIt = 4096;
    private const int ValuesPerBucket = 8;

    public static void Sort(double[] values)
    {
        var n = values.Length;
        if (n < SmallestWorthIt)
        {
            Array.Sort(values);
            return;
        }
        double min = values[0], max = values[0];
        foreach (var v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        var last = n / ValuesPerBucket;
        var scale = last / (max - min);
        if (max == min || !double.IsFinite(scale) || scale <= 0)
        {
            // Constant, or a range too wide or too narrow to scale: the comparison sort.
            Array.Sort(values);
            return;
        }

        var bucket = new int[n];
        var starts = new int[last + 2];
        for (var i = 0; i < n; i++)
        {
            var b = Math.Min((int)((values[i] - min) * scale), last);
            bucket[i] = b;
            starts[b + 1]++;
        }
        for (var b = 0; b <= last; b++) starts[b + 1] += starts[b];
        var next = (int[])starts.Clone();
        var spread = new double[n];
        for (var i = 0; i < n; i++) spread[next[bucket[i]]++] = values[i];
        for (var b = 0; b <= last; b++)
        {
            var length = starts[b + 1] - starts[b];
            if (length > 1) spread.AsSpan(starts[b], length).Sort();
        }
        spread.CopyTo(values, 0);
    }
}
