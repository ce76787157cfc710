namespace Pnen.Dsl;

/// <summary>Whether a characteristic has levels or is a number.</summary>
public enum CharacteristicKind
{
    Categorical,
    Continuous,
}

/// <summary>
/// One characteristic of the plan, ready to evaluate on a record: its label for the tables, its
/// levels in order with the reference, and how to read a record's level (code -1 = missing) or,
/// for a continuous one, its value (NaN = missing).
/// </summary>
internal sealed record CharacteristicSpec<T>
{
    public required string Label { get; init; }

    public required CharacteristicKind Kind { get; init; }

    public IReadOnlyList<string> Levels { get; init; } = [];

    public int Reference { get; init; }

    public Func<T, int>? Code { get; init; }

    public Func<T, double>? Value { get; init; }

    /// <summary>The codebook variable it comes from, when it is a plain or cut member access.</summary>
    public VariableDescriptor? Source { get; init; }

    public string? Unit { get; init; }

    /// <summary>Whether it is a row of the baseline table.</summary>
    public bool InBaselineTable { get; init; } = true;

    /// <summary>How it was derived, for footnotes ("cut at 60").</summary>
    public string? Derivation { get; init; }

    public int CodeOf(T record) => Code!(record);

    public double ValueOf(T record) => Value!(record);
}
