namespace Pnen.Stats.Hypothesis;

/// <summary>A two-sample t-test with the estimates behind it.</summary>
public sealed record TTestResult : TestResult
{
    public double? MeanX { get; init; }

    public double? MeanY { get; init; }

    /// <summary>Standard error of the difference in means.</summary>
    public double? StandardError { get; init; }
}
