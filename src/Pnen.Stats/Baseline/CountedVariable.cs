namespace Pnen.Stats.Baseline;

/// <summary>A row variable of a baseline table given as counts (a SQL GROUP BY), not rows.</summary>
public abstract record CountedVariable(string Name);

/// <summary>A categorical variable as counts per (level, group) and missing values per group.</summary>
/// <param name="Levels">Level labels, in display order.</param>
/// <param name="Counts">Rows with each level (first index) in each group (second index).</param>
/// <param name="Missing">Rows of each group without a value.</param>
public sealed record CategoricalCounts(string Name, IReadOnlyList<string> Levels, int[,] Counts, int[] Missing) : CountedVariable(Name);

/// <summary>A continuous variable as counts of each distinct value per group.</summary>
/// <param name="Values">Per group, its distinct finite values in ascending order.</param>
/// <param name="Counts">Per group, how many rows have each of those values.</param>
/// <param name="Missing">Rows of each group without a value.</param>
public sealed record ValueCounts(string Name, double[][] Values, long[][] Counts, int[] Missing) : CountedVariable(Name);
