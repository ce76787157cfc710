namespace Pnen.Dsl;

/// <summary>The record's identifier (a <see cref="string"/>): carried into outputs, never analysed.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class IdAttribute : Attribute
{
}
