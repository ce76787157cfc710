using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>The record identifier: a <see cref="TextColumn"/>.</summary>
public sealed class IdentifierVariable : VariableDescriptor<TextColumn>
{
    public IdentifierVariable(int index, string name, string columnName, string label, bool isNullable)
        : base(index, name, columnName, label, VariableKind.Identifier, VariableType.String, isNullable, null, null, null)
    {
    }
}
