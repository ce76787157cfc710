using Microsoft.CodeAnalysis;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>PNEN024/PNEN025: the exposure and a baseline table's grouping have levels (an enum or bool).</summary>
internal static class CategoricalCheck
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        if (plan.Exposure is { Type: { } type } exposure && !Fine(type))
        {
            problems.Report(StudyDiagnostics.ExposureNotCategorical, exposure.Location, Display(type));
        }
        foreach (var grouping in plan.Groupings)
        {
            if (!Fine(grouping.Type)) problems.Report(StudyDiagnostics.GroupingNotCategorical, grouping.Location, Display(grouping.Type));
        }
    }

    // An error type is the compiler's to report.
    private static bool Fine(ITypeSymbol type) => type.TypeKind == TypeKind.Error || DslSymbols.IsCategorical(type);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
