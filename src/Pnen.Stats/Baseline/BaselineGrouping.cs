namespace Pnen.Stats.Baseline;

/// <summary>The variable that defines the columns of a baseline table (e.g. the exposure).</summary>
/// <param name="Name">Shown as the table's "by".</param>
/// <param name="Codes">One code per row: 0..Levels.Count−1, or −1 when the group is missing.</param>
/// <param name="Levels">Group labels, in column order.</param>
public sealed record BaselineGrouping(string Name, ReadOnlyMemory<int> Codes, IReadOnlyList<string> Levels);
