namespace Pnen.Dsl;

/// <summary>Survival in one level of a characteristic: count, share, events, Kaplan-Meier median and quartiles
/// (null = not reached).</summary>
public sealed record LevelSurvival(string Level, int N, double Percent, int Events, double? Median, double? Q25, double? Q75);
