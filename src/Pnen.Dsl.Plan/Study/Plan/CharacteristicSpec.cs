namespace Pnen.Dsl;

/// <summary>Whether a characteristic has levels or is a number.</summary>
public enum CharacteristicKind
{
    Categorical,
    Continuous,
}

/// <summary>
/// One variable as the plan uses it (a characteristic, an effect within a selection, a model term or
/// a stratification), ready to evaluate on a record: its id and label, its levels in order with the
/// reference, and how to read a record's level (code -1 = missing) or, for a continuous one, its value
/// (NaN = missing).
/// </summary>
internal sealed record CharacteristicSpec<T>
{
    /// <summary>The stable id: the name of its typed result property (see Pnen.Shared.PlanNames).</summary>
    public required string Id { get; init; }

    public required string Label { get; init; }

    public required CharacteristicKind Kind { get; init; }

    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>The values the levels stand for (enum members, false/true, or the cut's labels), in
    /// level order, so that a typed result can be indexed by value.</summary>
    public IReadOnlyList<object> LevelValues { get; init; } = [];

    public int Reference { get; init; }

    public Func<T, int>? Code { get; init; }

    public Func<T, double>? Value { get; init; }

    /// <summary>The codebook variable it comes from, when it is a plain or cut member access.</summary>
    public VariableDescriptor? Source { get; init; }

    /// <summary>The record property the lambda reads, when it reads exactly one.</summary>
    public string? Member { get; init; }

    public string? Unit { get; init; }

    /// <summary>Whether it is a row of the baseline table.</summary>
    public bool InBaselineTable { get; init; } = true;

    /// <summary>How it was derived from its variable (a cut, a transformation), for footnotes.</summary>
    public Derivation? Derivation { get; init; }

    public int CodeOf(T record) => Code!(record);

    public double ValueOf(T record) => Value!(record);
}
