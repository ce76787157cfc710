namespace Pnen.Stats.Hypothesis;

/// <summary>Mid-ranks (ties get the average of the ranks they span), as R's <c>rank()</c>.</summary>
internal static class Ranks
{
    /// <summary>Writes the mid-rank of each value and returns Σ (t³ − t) over the tie groups.</summary>
    public static double MidRanks(ReadOnlySpan<double> values, Span<double> ranks)
    {
        var n = values.Length;
        var sorted = values.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        Array.Sort(sorted, order);
        var ties = 0.0;
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && sorted[end] == sorted[start]) end++;
            var mid = (start + 1 + end) / 2.0; // average of ranks start+1..end
            for (var i = start; i < end; i++) ranks[order[i]] = mid;
            double t = end - start;
            ties += t * t * t - t;
            start = end;
        }
        return ties;
    }
}
