using System.Collections.Immutable;

namespace Pnen.Stats.Baseline;

/// <summary>
/// A baseline table (Table 1). Serialised with camel-case names it is the JSON contract
/// <c>{"by","groups":[...],"rows":[...],"warnings":[...]}</c>; the other members are additions.
/// </summary>
public sealed record BaselineTable
{
    /// <summary>Name of the grouping variable.</summary>
    public required string By { get; init; }

    /// <summary>Group labels, in column order (groups without rows included).</summary>
    public required ImmutableArray<string> Groups { get; init; }

    /// <summary>Number of analysed rows in each group.</summary>
    public required ImmutableArray<int> GroupSizes { get; init; }

    /// <summary>Number of analysed rows (rows whose group is known).</summary>
    public required int Total { get; init; }

    public required ImmutableArray<BaselineRow> Rows { get; init; }

    /// <summary>Table-level warnings, then each row's notes prefixed with its variable.</summary>
    public required ImmutableArray<string> Warnings { get; init; }
}
