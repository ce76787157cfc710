using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Study.Emitting;
using Pnen.Generators.Study.Model;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study;

/// <summary>
/// For each [Study] class: Execute(data), Execute(path), RunAsync(args) and typed results with a
/// property per subgroup. The transform reads the Plan's syntax with the semantic model and keeps
/// only an equatable <see cref="StudyModel"/>; a class that cannot carry the members produces no
/// output, and <see cref="StudyAnalyzer"/> reports why (and every plan mistake).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StudyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inspected = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslSymbols.StudyAttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => Inspect(syntax, cancellationToken))
            .WithTrackingName(TrackingNames.StudyInspected);

        var valid = inspected
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.StudyValid);

        context.RegisterSourceOutput(valid, static (output, model) =>
            output.AddSource(StudyEmitter.HintName(model), StudyEmitter.Emit(model)));
    }

    private static StudyModel? Inspect(GeneratorAttributeSyntaxContext syntax, CancellationToken cancellationToken)
    {
        var study = StudyClassInspector.Inspect((INamedTypeSymbol)syntax.TargetSymbol, syntax.Attributes[0], new ProblemSink(), cancellationToken);
        if (study is null) return null;
        // The Plan may sit in another part of the partial class, in another file.
        if (study.Plan.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration) return null;
        var model = declaration.SyntaxTree == syntax.SemanticModel.SyntaxTree
            ? syntax.SemanticModel
            : syntax.SemanticModel.Compilation.GetSemanticModel(declaration.SyntaxTree);
        return StudyModelBuilder.Build(study, PlanReader.Read(declaration, model, cancellationToken));
    }
}
