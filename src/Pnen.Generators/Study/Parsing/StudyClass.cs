using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// A [Study] class whose declaration can carry generated members: static partial, top level, with a
/// static Plan of type StudyPlan&lt;TRecord, TExposure&gt;. Holds symbols, so it lives only inside one
/// transform or analyzer action, never in the generator's pipeline.
/// </summary>
internal sealed class StudyClass(INamedTypeSymbol type, IPropertySymbol plan, ITypeSymbol record, ITypeSymbol exposure, string name, string? embeddedData)
{
    public INamedTypeSymbol Type { get; } = type;

    public IPropertySymbol Plan { get; } = plan;

    public ITypeSymbol Record { get; } = record;

    public ITypeSymbol Exposure { get; } = exposure;

    /// <summary>[Study("name")].</summary>
    public string Name { get; } = name;

    public string? EmbeddedData { get; } = embeddedData;
}
