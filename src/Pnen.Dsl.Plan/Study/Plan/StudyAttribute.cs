namespace Pnen.Dsl;

/// <summary>
/// Marks a static partial class whose static <c>Plan</c> property declares a study. The generator
/// adds <c>Execute(data)</c>, typed results and <c>RunAsync(args)</c> to the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StudyAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>A data file embedded in the study's assembly (an EmbeddedResource whose name ends
    /// with this), used when the user gives no --data.</summary>
    public string? EmbeddedData { get; set; }
}
