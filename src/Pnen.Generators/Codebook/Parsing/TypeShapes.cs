using Microsoft.CodeAnalysis;
using Pnen.Generators.Codebook.Model;

namespace Pnen.Generators.Codebook.Parsing;

/// <summary>Which C# types a codebook can read, and how.</summary>
internal static class TypeShapes
{
    /// <summary>The shape of <paramref name="type"/> with nullability removed, or null when unsupported.</summary>
    public static ValueShape? Classify(ITypeSymbol type, out ITypeSymbol underlying, out bool isNullable)
    {
        underlying = type;
        isNullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            underlying = nullable.TypeArguments[0];
            isNullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            isNullable = true;
        }

        switch (underlying.SpecialType)
        {
            case SpecialType.System_String: return ValueShape.String;
            case SpecialType.System_Boolean: return ValueShape.Boolean;
            case SpecialType.System_Int32: return ValueShape.Int32;
            case SpecialType.System_Int64: return ValueShape.Int64;
            case SpecialType.System_Double: return ValueShape.Double;
            case SpecialType.System_Decimal: return ValueShape.Decimal;
        }
        if (underlying.TypeKind == TypeKind.Enum) return ValueShape.Enum;
        if (underlying is INamedTypeSymbol { Name: "DateOnly", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return ValueShape.DateOnly;
        }
        return null;
    }

    public static bool IsNumber(ValueShape shape) =>
        shape is ValueShape.Int32 or ValueShape.Int64 or ValueShape.Double or ValueShape.Decimal;
}
