using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Checks that a [Study] class can receive the generated members (PNEN020-PNEN023). Shared by the
/// generator, which emits nothing for a class that fails, and the analyzer, which says why.
/// </summary>
internal static class StudyClassInspector
{
    public static StudyClass? Inspect(INamedTypeSymbol type, AttributeData study, ProblemSink problems, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            // A record class can carry [Study] too, but never be static.
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword) || !type.IsStatic))
            {
                problems.Report(StudyDiagnostics.NotStaticPartial, declaration.Identifier.GetLocation(), type.Name);
                break;
            }
        }
        if (type.ContainingType is not null || type.IsGenericType)
        {
            problems.Report(StudyDiagnostics.NotTopLevel, Where(type), type.Name);
        }

        var plan = type.GetMembers("Plan").OfType<IPropertySymbol>().FirstOrDefault(p => p.IsStatic && !p.IsIndexer);
        if (plan is null)
        {
            problems.Report(StudyDiagnostics.MissingPlan, Where(type), type.Name);
            return null;
        }
        if (plan.Type is not INamedTypeSymbol planType || !DslSymbols.IsPlanWithExposure(planType))
        {
            // An error type means the compiler already reports the type; a second message would only repeat it.
            if (plan.Type.TypeKind != TypeKind.Error)
            {
                problems.Report(StudyDiagnostics.PlanWithoutExposure, TypeLocation(plan, cancellationToken), type.Name,
                    plan.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
            }
            return null;
        }
        if (problems.HasErrors) return null;

        var name = study.ConstructorArguments.Length > 0 ? study.ConstructorArguments[0].Value as string : null;
        return new StudyClass(type, plan, planType.TypeArguments[0], planType.TypeArguments[1], name ?? type.Name, PnenAttributes.Named<string>(study, "EmbeddedData"));
    }

    /// <summary>The Plan property's declared type, where a wrong type is best underlined.</summary>
    private static Location? TypeLocation(IPropertySymbol plan, CancellationToken cancellationToken) =>
        plan.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration
            ? declaration.Type.GetLocation()
            : Where(plan);

    private static Location? Where(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;
}
