using System.Collections.Immutable;

namespace Pnen.Stats.Baseline;

/// <summary>
/// One variable of a baseline table: its counts or summaries by group, and the test across groups.
/// Serialised with camel-case names: variable, kind, test, statistic, df, p, normality, missing,
/// levels, summary as in the contract, plus method, df2, missingCounts, overall, smd and notes.
/// </summary>
public sealed record BaselineRow
{
    public required string Variable { get; init; }

    public required VariableKind Kind { get; init; }

    /// <summary>The test's identifier (see <see cref="BaselineTests"/>); null when there is no test.</summary>
    public string? Test { get; init; }

    /// <summary>The test as R would name it, with its details (e.g. a simulated p-value's replicates and seed).</summary>
    public string? Method { get; init; }

    public double? Statistic { get; init; }

    /// <summary>Degrees of freedom (the numerator's for an F test).</summary>
    public double? Df { get; init; }

    /// <summary>The denominator degrees of freedom of an F test.</summary>
    public double? Df2 { get; init; }

    public double? P { get; init; }

    /// <summary>Shapiro-Wilk of the whole variable (non-missing values); null for categorical rows or when undefined.</summary>
    public NormalityResult? Normality { get; init; }

    /// <summary>Missing values among the analysed rows (shown as their own row in a rendered table).</summary>
    public required int Missing { get; init; }

    /// <summary>Missing values in each group.</summary>
    public required ImmutableArray<int> MissingCounts { get; init; }

    /// <summary>One entry per level; null for continuous rows.</summary>
    public ImmutableArray<LevelRow>? Levels { get; init; }

    /// <summary>One entry per group; null for categorical rows.</summary>
    public ImmutableArray<GroupSummary>? Summary { get; init; }

    /// <summary>The overall column of a continuous row (group "Overall"); null for categorical rows.</summary>
    public GroupSummary? Overall { get; init; }

    /// <summary>Standardised mean difference, the largest over pairs of groups; null when not asked for or undefined.</summary>
    public double? Smd { get; init; }

    /// <summary>Why a test was chosen, left out or changed; empty when there is nothing to say.</summary>
    public required ImmutableArray<string> Notes { get; init; }
}
