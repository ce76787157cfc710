using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Checks;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study;

/// <summary>
/// Reports the [Study] classes that cannot carry generated members (PNEN020-PNEN023) and the plan
/// mistakes the compiler cannot see (PNEN024-PNEN039). None of these needs generated output, so
/// they live here and the generator's pipeline stays free of locations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StudyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        StudyDiagnostics.NotStaticPartial,
        StudyDiagnostics.NotTopLevel,
        StudyDiagnostics.MissingPlan,
        StudyDiagnostics.PlanWithoutExposure,
        StudyDiagnostics.ExposureNotCategorical,
        StudyDiagnostics.GroupingNotCategorical,
        StudyDiagnostics.DuplicateSubgroup,
        StudyDiagnostics.DuplicateExclusion,
        StudyDiagnostics.DuplicateSelection,
        StudyDiagnostics.ReferenceExcluded,
        StudyDiagnostics.CutOutsideRange,
        StudyDiagnostics.NonDeterministicCall,
        StudyDiagnostics.SecondOutcome,
        StudyDiagnostics.NoOutcome,
        StudyDiagnostics.SubgroupNameNotConstant,
        StudyDiagnostics.SubgroupPropertyCollision,
        StudyDiagnostics.SubgroupPropertyEmpty,
        StudyDiagnostics.PlanNotReadable,
        StudyDiagnostics.DuplicateCharacteristic,
        StudyDiagnostics.DuplicateModel,
        StudyDiagnostics.AdjustForExposure,
        StudyDiagnostics.DuplicateModelTerm,
        StudyDiagnostics.StrataNotCategorical,
        StudyDiagnostics.StratifyByExposure,
        StudyDiagnostics.InteractionNotInModel,
        StudyDiagnostics.SplineDf,
        StudyDiagnostics.ModelWithoutExposure,
        StudyDiagnostics.ScreenedModel,
        StudyDiagnostics.ModelName,
        StudyDiagnostics.CharacteristicIdCollision,
        StudyDiagnostics.ValueNeedsName,
        StudyDiagnostics.InvalidTime,
        StudyDiagnostics.ScreenAndAdjust,
        StudyDiagnostics.InvalidInteraction,
        StudyDiagnostics.NotAVariable,
        StudyDiagnostics.PerUnitNotPositive,
        StudyDiagnostics.FirthTies,
        StudyDiagnostics.FirthStrata,
        StudyDiagnostics.FirthTerm,
        StudyDiagnostics.InvalidCluster,
        StudyDiagnostics.LandmarkWithoutStart,
        StudyDiagnostics.RestrictedMeanOfTimeDependentExposure,
        StudyDiagnostics.StartDeclaredTwice,
        StudyDiagnostics.WeightingByExposure,
        StudyDiagnostics.AttWithoutFocal,
        StudyDiagnostics.TruncationOutOfRange,
        StudyDiagnostics.BootstrapNotDeterministic,
        StudyDiagnostics.AdjustedCurvesWithoutTimes,
        StudyDiagnostics.AdjustedCurvesSource,
        StudyDiagnostics.InvalidWeighting);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(DslSymbols.StudyAttributeMetadataName);
            if (attribute is null) return;
            start.RegisterSymbolAction(symbol => AnalyzeClass(symbol, attribute), SymbolKind.NamedType);
            // The plan is read from its own syntax tree, with the semantic model the compiler hands over.
            start.RegisterSyntaxNodeAction(node => AnalyzePlan(node, attribute), SyntaxKind.PropertyDeclaration);
        });
    }

    private static void AnalyzeClass(SymbolAnalysisContext context, INamedTypeSymbol attribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (Study(type, attribute) is { } study) StudyClassInspector.Inspect(type, study, new Reporter(context.ReportDiagnostic), context.CancellationToken);
    }

    private static void AnalyzePlan(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var declaration = (PropertyDeclarationSyntax)context.Node;
        if (declaration.Identifier.ValueText != "Plan") return;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { IsStatic: true } property) return;
        if (property.ContainingType is not { } type || Study(type, attribute) is null || !DslSymbols.IsPlanWithExposure(property.Type)) return;

        var plan = PlanReader.Read(declaration, context.SemanticModel, context.CancellationToken);
        PlanChecks.Run(type.Name, type.Name + "Subgroups", plan, new Reporter(context.ReportDiagnostic), context.CancellationToken);
    }

    private static AttributeData? Study(INamedTypeSymbol type, INamedTypeSymbol attribute)
    {
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)) return data;
        }
        return null;
    }

    private sealed class Reporter(System.Action<Diagnostic> report) : ProblemSink
    {
        protected override void OnReport(DiagnosticDescriptor descriptor, Location? location, object?[] args) =>
            report(Diagnostic.Create(descriptor, location, args));
    }
}
