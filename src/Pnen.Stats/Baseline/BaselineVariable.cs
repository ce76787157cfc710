namespace Pnen.Stats.Baseline;

/// <summary>A row variable of a baseline table.</summary>
public abstract record BaselineVariable(string Name)
{
    /// <summary>Number of rows the variable covers (must equal the grouping's).</summary>
    public abstract int Length { get; }
}

/// <summary>A categorical variable.</summary>
/// <param name="Name">The variable's label.</param>
/// <param name="Codes">One code per row: 0..Levels.Count−1, or −1 when missing.</param>
/// <param name="Levels">Level labels, in display order (the first is the reference of the categorical SMD).</param>
public sealed record CategoricalVariable(string Name, ReadOnlyMemory<int> Codes, IReadOnlyList<string> Levels) : BaselineVariable(Name)
{
    public override int Length => Codes.Length;
}

/// <summary>A continuous variable.</summary>
/// <param name="Name">The variable's label.</param>
/// <param name="Values">One finite value per row, NaN when missing.</param>
public sealed record ContinuousVariable(string Name, ReadOnlyMemory<double> Values) : BaselineVariable(Name)
{
    public override int Length => Values.Length;
}
