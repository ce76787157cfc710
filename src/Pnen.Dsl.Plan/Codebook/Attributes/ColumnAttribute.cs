namespace Pnen.Dsl;

/// <summary>The exact name of the variable's column in the file, when it is not the property name
/// (e.g. <c>ph.ecog</c>). Without it the property name is matched ignoring case.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ColumnAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
