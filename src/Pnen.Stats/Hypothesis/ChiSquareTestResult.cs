using System.Collections.Immutable;

namespace Pnen.Stats.Hypothesis;

/// <summary>A Pearson chi-square test of independence, with what was done to the table to make it testable.</summary>
public sealed record ChiSquareTestResult : TestResult
{
    /// <summary>True when Yates' correction was applied (asked for, 2 × 2, and non-zero).</summary>
    public bool ContinuityCorrected { get; init; }

    /// <summary>The smallest expected count of the tested table; null when nothing was tested.</summary>
    public double? MinimumExpected { get; init; }

    /// <summary>Rows of the input left out because their total is zero.</summary>
    public ImmutableArray<int> DroppedRows { get; init; } = [];

    /// <summary>Columns of the input left out because their total is zero.</summary>
    public ImmutableArray<int> DroppedColumns { get; init; } = [];
}
