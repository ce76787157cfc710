namespace Pnen.Stats.Survival;

/// <summary>
/// A stable least-significant-digit radix sort of times, carrying a 64-bit payload (the row and
/// its group) with each. Stable means equal times keep the order they came in, which is what R's
/// order() does with ties, so no second comparison is needed. Eleven bits a digit: six passes at
/// most, and a digit on which every key agrees (the high bits of times within a few powers of two
/// of each other) is skipped. Linear in n, and every access is sequential or one of 2,048 write
/// streams, where a comparison sort or a gather by row would wander through memory.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    /// <summary>Sorts finite, non-negative <paramref name="times"/> (no -0: their bit patterns then
    /// order as the values do) and permutes <paramref name="payload"/> with them.
    /// <paramref name="timeBuffer"/> and <paramref name="payloadBuffer"/> are scratch of the same length.</summary>
    public static void Sort(double[] times, ulong[] payload, double[] timeBuffer, ulong[] payloadBuffer)
    {
        var n = times.Length;
        if (n < 2) return;

        // Every digit's histogram in one read of the keys.
        var counts = new int[Digits * Buckets];
        foreach (var time in times)
        {
            var key = Bits(time);
            for (var d = 0; d < Digits; d++) counts[d * Buckets + (int)((key >> (DigitBits * d)) & (Buckets - 1))]++;
        }

        var sourceTimes = times;
        var sourcePayload = payload;
        var targetTimes = timeBuffer;
        var targetPayload = payloadBuffer;
        var offsets = new int[Buckets];
        for (var d = 0; d < Digits; d++)
        {
            var histogram = counts.AsSpan(d * Buckets, Buckets);
            if (histogram.Contains(n)) continue; // every key has the same digit here: nothing moves

            var sum = 0;
            for (var b = 0; b < Buckets; b++)
            {
                offsets[b] = sum;
                sum += histogram[b];
            }
            var shift = DigitBits * d;
            for (var i = 0; i < n; i++)
            {
                var time = sourceTimes[i];
                var at = offsets[(int)((Bits(time) >> shift) & (Buckets - 1))]++;
                targetTimes[at] = time;
                targetPayload[at] = sourcePayload[i];
            }
            (sourceTimes, targetTimes) = (targetTimes, sourceTimes);
            (sourcePayload, targetPayload) = (targetPayload, sourcePayload);
        }

        if (!ReferenceEquals(sourceTimes, times))
        {
            Array.Copy(sourceTimes, times, n);
            Array.Copy(sourcePayload, payload, n);
        }
    }

    private static ulong Bits(double time) => (ulong)BitConverter.DoubleToInt64Bits(time);
}
