using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>The event indicator: an <see cref="EventColumn"/> (1 event, 0 censored, -1 missing).</summary>
public sealed class EventVariable : VariableDescriptor<EventColumn>
{
    public EventVariable(int index, string name, string columnName, string label, bool isNullable)
        : base(index, name, columnName, label, VariableKind.Event, VariableType.Boolean, isNullable, null, null, null)
    {
    }
}
