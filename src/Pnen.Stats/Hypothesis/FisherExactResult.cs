using System.Collections.Immutable;

namespace Pnen.Stats.Hypothesis;

/// <summary>Fisher's exact test, saying whether the p-value is exact or simulated.</summary>
public sealed record FisherExactResult : TestResult
{
    /// <summary>True for a Monte Carlo p-value.</summary>
    public bool IsSimulated { get; init; }

    /// <summary>Number of simulated tables; null for an exact p-value.</summary>
    public int? Replicates { get; init; }

    /// <summary>Seed of the simulation; null for an exact p-value.</summary>
    public int? Seed { get; init; }

    /// <summary>Rows of the input left out because their total is zero (they do not change the p-value).</summary>
    public ImmutableArray<int> DroppedRows { get; init; } = [];

    /// <summary>Columns of the input left out because their total is zero.</summary>
    public ImmutableArray<int> DroppedColumns { get; init; } = [];
}
