using System.Collections.Immutable;

namespace Pnen.Stats.Descriptive;

/// <summary>Counts of a categorical variable by level, with percentages of the non-missing values.</summary>
public sealed record CategoricalSummary
{
    /// <summary>Count of each level.</summary>
    public required ImmutableArray<int> Counts { get; init; }

    /// <summary>100 · count / non-missing for each level; null when there are no non-missing values.</summary>
    public required ImmutableArray<double?> Percents { get; init; }

    /// <summary>Number of non-missing values.</summary>
    public required int N { get; init; }

    /// <summary>Number of missing values (negative codes).</summary>
    public required int Missing { get; init; }

    /// <summary>Tabulates codes 0..levels−1; a negative code is missing.</summary>
    public static CategoricalSummary Of(ReadOnlySpan<int> codes, int levels)
    {
        if (levels < 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "the number of levels cannot be negative");
        var counts = new int[levels];
        var missing = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            if (c < 0) missing++;
            else if (c >= levels) throw new ArgumentOutOfRangeException(nameof(codes), c, $"code at position {i} exceeds the {levels} levels");
            else counts[c]++;
        }
        return FromCounts(counts, missing);
    }

    /// <summary>A summary from level counts already tallied.</summary>
    public static CategoricalSummary FromCounts(ReadOnlySpan<int> counts, int missing)
    {
        var n = 0;
        foreach (var c in counts)
        {
            if (c < 0) throw new ArgumentOutOfRangeException(nameof(counts), c, "counts cannot be negative");
            n += c;
        }
        var percents = new double?[counts.Length];
        for (var l = 0; l < counts.Length; l++) percents[l] = n > 0 ? 100.0 * counts[l] / n : null;
        return new CategoricalSummary { Counts = [.. counts], Percents = [.. percents], N = n, Missing = missing };
    }
}
