namespace Pnen.Stats.Descriptive;

/// <summary>Sample quantiles, R's default definition.</summary>
// Hand-written, not MathNet's QuantileDefinition.R7: R-exactness needs R's order of operations (and its shortcut for equal neighbours), so the last bit matches.
public static class Quantiles
{
    /// <summary>
    /// R's type 7 quantile of sorted values: with h = 1 + (n − 1)p, lo = ⌊h⌋, hi = ⌈h⌉, the result is
    /// (1 − (h − lo))·x[lo] + (h − lo)·x[hi] (1-based), written as R writes it so the rounding matches.
    /// </summary>
    public static double Type7(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty) throw new ArgumentException("quantiles need at least one value", nameof(sorted));
        if (double.IsNaN(p) || p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability lies in [0, 1]");
        var index = 1 + (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(index);
        var hi = (int)Math.Ceiling(index);
        var q = sorted[lo - 1];
        var h = index - lo;
        return index > lo && sorted[hi - 1] != q ? (1 - h) * q + h * sorted[hi - 1] : q;
    }

    /// <summary>The median of sorted values (the mean of the middle two for even n, as R's <c>median</c>).</summary>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty) throw new ArgumentException("the median needs at least one value", nameof(sorted));
        var half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
