namespace Pnen.Dsl;

/// <summary>Another spelling of an enum level in the data file, typically a numeric code
/// (<c>[Code("1")] Male</c>). A level is always also read by its name and its label.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class CodeAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
