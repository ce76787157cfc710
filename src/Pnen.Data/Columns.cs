namespace Pnen.Data;

/// <summary>A column read from a file. Missing values are NaN (numeric), -1 (categorical codes)
/// or null (events).</summary>
public abstract class Column
{
    protected Column(string name) => Name = name;

    public string Name { get; }

    public abstract int Length { get; }

    public abstract bool IsMissing(int row);
}

public sealed class NumericColumn : Column
{
    public NumericColumn(string name, double[] values) : base(name) => Values = values;

    /// <summary>Finite values; NaN marks a missing value.</summary>
    public double[] Values { get; }

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => double.IsNaN(Values[row]);
}

public sealed class EventColumn : Column
{
    public EventColumn(string name, sbyte[] values) : base(name) => Values = values;

    /// <summary>1 for an event, 0 for censored, -1 for missing.</summary>
    public sbyte[] Values { get; }

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => Values[row] < 0;
}

public sealed class CategoricalColumn : Column
{
    public CategoricalColumn(string name, int[] codes, IReadOnlyList<string> levels, bool numericLevels) : base(name)
    {
        Codes = codes;
        Levels = levels;
        NumericLevels = numericLevels;
    }

    /// <summary>Index into <see cref="Levels"/>; -1 marks a missing value.</summary>
    public int[] Codes { get; }

    /// <summary>Levels as written in the file, in numeric order when all are numbers, else ordinal string order.</summary>
    public IReadOnlyList<string> Levels { get; }

    public bool NumericLevels { get; }

    public override int Length => Codes.Length;

    public override bool IsMissing(int row) => Codes[row] < 0;
}
