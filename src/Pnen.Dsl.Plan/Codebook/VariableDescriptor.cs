using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>
/// Everything the study plan, the executor and the reports need to know about one variable of a
/// codebook, generated at compile time so that nothing is discovered by reflection at run time.
/// </summary>
public abstract class VariableDescriptor
{
    private protected VariableDescriptor(
        int index, string name, string columnName, string label, VariableKind kind, VariableType type,
        bool isNullable, string? unit, ValueRange? range, IReadOnlyList<LevelDescriptor>? levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(columnName);
        Index = index;
        Name = name;
        ColumnName = columnName;
        Label = label ?? name;
        Kind = kind;
        Type = type;
        IsNullable = isNullable;
        Unit = unit;
        Range = range;
        Levels = levels ?? [];
    }

    /// <summary>The position of the variable in its codebook, and of its column in the columnar view.</summary>
    public int Index { get; }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary>The column in the data file.</summary>
    public string ColumnName { get; }

    public string Label { get; }

    public VariableKind Kind { get; }

    public VariableType Type { get; }

    /// <summary>Whether the value may be missing (the property is nullable).</summary>
    public bool IsNullable { get; }

    public string? Unit { get; }

    /// <summary>The declared range of a numeric variable, if any.</summary>
    public ValueRange? Range { get; }

    /// <summary>The levels of an enum or boolean variable in declaration order; empty for other kinds,
    /// and for text variables whose levels come from the data (see the column's levels).</summary>
    public IReadOnlyList<LevelDescriptor> Levels { get; }

    /// <summary>Whether the variable has levels (categorical or binary).</summary>
    public bool IsCategorical => Kind is VariableKind.Categorical or VariableKind.Binary;

    /// <summary>Whether the variable is a number on a scale (continuous or a survival time).</summary>
    public bool IsNumeric => Kind is VariableKind.Continuous or VariableKind.Time;

    public override string ToString() => Name;
}

/// <summary>A variable whose columnar form is a <typeparamref name="TColumn"/>, so that
/// <see cref="CodebookColumns.Get{TColumn}"/> is typed.</summary>
public abstract class VariableDescriptor<TColumn> : VariableDescriptor
    where TColumn : Column
{
    private protected VariableDescriptor(
        int index, string name, string columnName, string label, VariableKind kind, VariableType type,
        bool isNullable, string? unit, ValueRange? range, IReadOnlyList<LevelDescriptor>? levels)
        : base(index, name, columnName, label, kind, type, isNullable, unit, range, levels)
    {
    }
}
