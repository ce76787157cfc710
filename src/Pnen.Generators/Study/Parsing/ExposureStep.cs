using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>The exposure: its type (must be categorical), label, and reference level when readable.</summary>
internal sealed class ExposureStep(ITypeSymbol? type, Location location, IPropertySymbol? member, string? label, LevelReference? reference)
{
    /// <summary>The type argument of Exposure&lt;TX&gt;; null when the call did not bind.</summary>
    public ITypeSymbol? Type { get; } = type;

    /// <summary>The exposure lambda.</summary>
    public Location Location { get; } = location;

    public IPropertySymbol? Member { get; } = member;

    /// <summary>The label the runtime gives it; null when it is not a constant.</summary>
    public string? Label { get; } = label;

    public LevelReference? Reference { get; } = reference;
}
