using System.Collections.Immutable;

namespace Pnen.Stats.Baseline;

/// <summary>Counts of one level by group, with column percentages of the non-missing values.</summary>
public sealed record LevelRow
{
    public required string Level { get; init; }

    public required ImmutableArray<int> Counts { get; init; }

    /// <summary>100 · count / non-missing in the group; null for a group without non-missing values.</summary>
    public required ImmutableArray<double?> Percents { get; init; }

    /// <summary>The level in all analysed rows.</summary>
    public required LevelOverall Overall { get; init; }
}
