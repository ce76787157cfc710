using Pnen.Generators.Common;

namespace Pnen.Generators.Codebook.Model;

/// <summary>One variable of a codebook: a settable property and what its attributes say.</summary>
/// <param name="EnumType">The fully qualified enum type (global::...) when <see cref="Shape"/> is Enum.</param>
/// <param name="Range">The declared range, when there is one.</param>
internal sealed record VariableModel(
    string Name,
    string Column,
    string Label,
    string? Unit,
    VariableRole Role,
    ValueShape Shape,
    bool IsNullable,
    string? EnumType,
    EquatableArray<LevelModel> Levels,
    RangeModel? Range);

/// <summary>A level of an enum variable, in declaration order.</summary>
internal sealed record LevelModel(string Member, string Label, EquatableArray<string> Codes);

/// <summary>A declared range; bounds are finite and ordered once the model exists.</summary>
internal sealed record RangeModel(double Minimum, double Maximum);

/// <summary>The special meaning a variable has in a survival study, if any.</summary>
internal enum VariableRole
{
    Value,
    Id,
    Time,
    Event,
}

/// <summary>The C# type of a variable, nullability aside. Mirrors Pnen.Dsl.VariableType.</summary>
internal enum ValueShape
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    DateOnly,
    Enum,
}
