using System.Linq;
using Microsoft.CodeAnalysis;
using Pnen.Generators.Common;
using Pnen.Generators.Study.Model;

namespace Pnen.Generators.Study.Parsing;

/// <summary>Keeps, of a study class and its read plan, the plain values the emitter needs.</summary>
internal static class StudyModelBuilder
{
    public static StudyModel Build(StudyClass study, PlanSyntax plan)
    {
        var type = study.Type;
        var subgroupsClass = type.Name + "Subgroups";
        // A subgroup in error (reported by the analyzer) gets no property; the others still do.
        var subgroups = SubgroupProperties.Assign(plan.Subgroups, subgroupsClass)
            .Where(s => s.Property is not null)
            .Select(s => new SubgroupModel(s.Subgroup.Name.Name!, s.Property!))
            .ToEquatableArray();
        var isPublic = IsPublic(type) && IsPublic(study.Record) && IsPublic(study.Exposure);
        return new StudyModel(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            isPublic ? "public" : "internal",
            study.Name,
            study.EmbeddedData,
            study.Record.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            study.Exposure.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            subgroups);
    }

    private static bool IsPublic(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None) return true;
        for (ISymbol? s = type; s is INamedTypeSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility != Accessibility.Public) return false;
        }
        if (type is INamedTypeSymbol { IsGenericType: true } generic) return generic.TypeArguments.All(IsPublic);
        return true;
    }
}
