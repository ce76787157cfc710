using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;

namespace Pnen.Generators.Codebook;

/// <summary>
/// Reports the codebook declarations that cannot work (PNEN001-PNEN018). These checks need no
/// generated output, so they live here rather than in the generator, whose pipeline stays free of
/// locations and keeps its cache.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CodebookAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        CodebookDiagnostics.NotPartial,
        CodebookDiagnostics.UnsupportedType,
        CodebookDiagnostics.DuplicateColumn,
        CodebookDiagnostics.EmptyEnum,
        CodebookDiagnostics.TimeNotNumeric,
        CodebookDiagnostics.EventNotBoolean,
        CodebookDiagnostics.SecondTime,
        CodebookDiagnostics.SecondEvent,
        CodebookDiagnostics.SecondId,
        CodebookDiagnostics.IdNotString,
        CodebookDiagnostics.ConflictingRoles,
        CodebookDiagnostics.InvalidRange,
        CodebookDiagnostics.AmbiguousLevel,
        CodebookDiagnostics.NotTopLevel,
        CodebookDiagnostics.NoConstructor,
        CodebookDiagnostics.InvalidColumnName,
        CodebookDiagnostics.NotSettable,
        CodebookDiagnostics.NoVariables);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var codebook = start.Compilation.GetTypeByMetadataName(PnenAttributes.CodebookMetadataName);
            if (codebook is null) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, codebook), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol codebook)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, codebook)) continue;
            CodebookInspector.Inspect(type, attribute, new Reporter(context), context.CancellationToken);
            return;
        }
    }

    private sealed class Reporter(SymbolAnalysisContext context) : ProblemSink
    {
        protected override void OnReport(DiagnosticDescriptor descriptor, Location? location, object?[] args) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, args));
    }
}
