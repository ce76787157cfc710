namespace Pnen.Dsl;

/// <summary>The C# type of a variable's property (nullability aside).</summary>
public enum VariableType
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
