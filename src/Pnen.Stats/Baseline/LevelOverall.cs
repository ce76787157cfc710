namespace Pnen.Stats.Baseline;

/// <summary>A level's count and percentage over all analysed rows.</summary>
public sealed record LevelOverall(int Count, double? Percent);
