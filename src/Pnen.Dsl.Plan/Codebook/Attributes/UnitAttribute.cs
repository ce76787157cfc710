namespace Pnen.Dsl;

/// <summary>The unit of a numeric variable (e.g. <c>mm</c>, <c>years</c>), for labels and reports.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class UnitAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
