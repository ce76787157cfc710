using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>A continuous variable, a survival time or a date: a <see cref="NumericColumn"/> with NaN for missing
/// (dates as day numbers, <see cref="DateOnly.DayNumber"/>).</summary>
public sealed class NumericVariable : VariableDescriptor<NumericColumn>
{
    public NumericVariable(
        int index, string name, string columnName, string label, VariableKind kind, VariableType type,
        bool isNullable, string? unit = null, ValueRange? range = null)
        : base(index, name, columnName, label, kind, type, isNullable, unit, range, null)
    {
        if (kind is not (VariableKind.Continuous or VariableKind.Time or VariableKind.Date))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A numeric variable is continuous, a time or a date.");
        }
    }
}
