namespace Pnen.Dsl;

/// <summary>The human label of a variable or of an enum level, as tables and figures print it.
/// On an enum member the label is also accepted as a spelling of that level in the data file.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class LabelAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
