using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>Recognises Pnen.Dsl's types and methods by name, so the generator needs no reference to Pnen.Dsl.</summary>
internal static class DslSymbols
{
    public const string StudyAttributeMetadataName = "Pnen.Dsl.StudyAttribute";

    /// <summary>Whether <paramref name="symbol"/> is declared by a type of the Pnen.Dsl namespace (a plan step,
    /// a builder step, a cut verb).</summary>
    public static bool IsDsl(ISymbol? symbol) => symbol?.ContainingType is { } type && IsDslNamespace(type.ContainingNamespace);

    /// <summary>Pnen.Dsl.StudyPlan&lt;T, TX&gt;: a plan whose exposure is declared, the only kind that runs.</summary>
    public static bool IsPlanWithExposure(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "StudyPlan", TypeArguments.Length: 2 } named && IsDslNamespace(named.ContainingNamespace);

    /// <summary>Pnen.Dsl.Cut, what a cut lambda returns.</summary>
    public static bool IsCut(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Cut", TypeArguments.Length: 0 } named && IsDslNamespace(named.ContainingNamespace);

    /// <summary>A type with levels: an enum or bool, not nullable. What an exposure or a grouping must be.</summary>
    public static bool IsCategorical(ITypeSymbol type) => type.TypeKind == TypeKind.Enum || type.SpecialType == SpecialType.System_Boolean;

    /// <summary>The type without Nullable&lt;&gt;.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>The first constructor argument of a Pnen.Dsl attribute on <paramref name="symbol"/>, e.g. [Label("Age, y")].</summary>
    public static AttributeData? Attribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && type.Name == name && IsDslNamespace(type.ContainingNamespace)) return attribute;
        }
        return null;
    }

    private static bool IsDslNamespace(INamespaceSymbol? ns) =>
        ns is { Name: "Dsl", ContainingNamespace: { Name: "Pnen", ContainingNamespace.IsGlobalNamespace: true } };
}
