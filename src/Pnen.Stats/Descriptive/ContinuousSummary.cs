namespace Pnen.Stats.Descriptive;

/// <summary>
/// Summary of a continuous variable: n, mean (SD), median (IQR by R's type 7 quantiles), range, and
/// the number of missing values. Statistics that need more values than there are are null, never NaN.
/// </summary>
public sealed record ContinuousSummary
{
    /// <summary>Number of non-missing values.</summary>
    public required int N { get; init; }

    /// <summary>Number of missing (NaN) values.</summary>
    public required int Missing { get; init; }

    public double? Mean { get; init; }

    /// <summary>Sample standard deviation (n − 1 denominator); null for fewer than two values.</summary>
    public double? Sd { get; init; }

    public double? Median { get; init; }

    /// <summary>First quartile (type 7).</summary>
    public double? Q1 { get; init; }

    /// <summary>Third quartile (type 7).</summary>
    public double? Q3 { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Summarises the values; NaN is missing, infinities are rejected.</summary>
    public static ContinuousSummary Of(ReadOnlySpan<double> values)
    {
        var sorted = new double[values.Length];
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsInfinity(v)) throw new ArgumentException("values must be finite (NaN marks a missing value)", nameof(values));
            if (!double.IsNaN(v)) sorted[n++] = v;
        }
        var x = sorted.AsSpan(0, n);
        x.Sort();
        return OfSorted(x, values.Length - n);
    }

    /// <summary>Summarises values already sorted ascending (finite, no NaN), with the count of missing ones beside them.</summary>
    internal static ContinuousSummary OfSorted(ReadOnlySpan<double> x, int missing)
    {
        var n = x.Length;
        if (n == 0) return new ContinuousSummary { N = 0, Missing = missing };
        var mean = RefinedMean(x);
        double? sd = null;
        if (n > 1)
        {
            var ss = 0.0;
            foreach (var v in x) ss += (v - mean) * (v - mean);
            sd = Math.Sqrt(ss / (n - 1));
        }
        return new ContinuousSummary
        {
            N = n,
            Missing = missing,
            Mean = mean,
            Sd = sd,
            Median = Quantiles.Median(x),
            Q1 = Quantiles.Type7(x, 0.25),
            Q3 = Quantiles.Type7(x, 0.75),
            Min = x[0],
            Max = x[n - 1],
        };
    }

    /// <summary>The mean with R's refinement: the sum's rounding error is added back in a second pass.</summary>
    private static double RefinedMean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x) sum += v;
        var mean = sum / x.Length;
        var correction = 0.0;
        foreach (var v in x) correction += v - mean;
        return mean + correction / x.Length;
    }
}
