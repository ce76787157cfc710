using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>A yes/no variable (levels False, True) or text whose levels come from the data: a
/// <see cref="CategoricalColumn"/> with -1 for missing.</summary>
public sealed class CategoricalVariable : VariableDescriptor<CategoricalColumn>
{
    /// <summary>The levels of every <see cref="VariableKind.Binary"/> variable: code 0 is false, 1 is true.</summary>
    public static readonly IReadOnlyList<LevelDescriptor> BinaryLevels =
        [new LevelDescriptor(0, "False", "No"), new LevelDescriptor(1, "True", "Yes")];

    public CategoricalVariable(int index, string name, string columnName, string label, VariableType type, bool isNullable)
        : base(index, name, columnName, label, KindOf(type), type, isNullable, null, null, type == VariableType.Boolean ? BinaryLevels : null)
    {
    }

    private static VariableKind KindOf(VariableType type) => type switch
    {
        VariableType.Boolean => VariableKind.Binary,
        VariableType.String => VariableKind.Categorical,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only booleans and text are categorical without an enum."),
    };
}
