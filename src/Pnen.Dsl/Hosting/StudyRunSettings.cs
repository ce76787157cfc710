using System.Reflection;

namespace Pnen.Dsl.Hosting;

/// <summary>What the generated <c>RunAsync</c> tells the host about its study.</summary>
public sealed record StudyRunSettings(string StudyName)
{
    /// <summary>The assembly holding the embedded data file, if any.</summary>
    public Assembly? Assembly { get; init; }

    /// <summary>The end of the embedded data resource's name (<c>[Study(EmbeddedData = ...)]</c>).</summary>
    public string? EmbeddedData { get; init; }

    /// <summary>Where the report goes when the user gives no --out.</summary>
    public string DefaultOutput { get; init; } = "report";
}
