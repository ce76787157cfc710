namespace Pnen.Stats.Baseline;

/// <summary>Summary of a continuous variable in one group (or overall).</summary>
public sealed record GroupSummary
{
    public required string Group { get; init; }

    /// <summary>Non-missing values.</summary>
    public required int N { get; init; }

    public double? Mean { get; init; }

    public double? Sd { get; init; }

    public double? Median { get; init; }

    public double? Q1 { get; init; }

    public double? Q3 { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public required int Missing { get; init; }
}
