using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Generators.Codebook.Emitting;
using Pnen.Generators.Codebook.Model;
using Pnen.Generators.Codebook.Parsing;

namespace Pnen.Generators.Codebook;

/// <summary>
/// For each [Codebook] record: variable descriptors, a strict loader and a columnar view.
/// Parser (symbols to an equatable model) and emitter (model to text) are separate steps, so an edit
/// elsewhere in the project yields an equal model and nothing is re-emitted. Declarations with errors
/// produce no output; <see cref="CodebookAnalyzer"/> reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CodebookGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var inspected = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PnenAttributes.CodebookMetadataName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, cancellationToken) => CodebookInspector.Inspect(
                    (INamedTypeSymbol)syntax.TargetSymbol, syntax.Attributes[0], new ProblemSink(), cancellationToken))
            .WithTrackingName(TrackingNames.CodebookInspected);

        var valid = inspected
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.CodebookValid);

        context.RegisterSourceOutput(valid, static (output, model) =>
            output.AddSource(CodebookEmitter.HintName(model), CodebookEmitter.Emit(model)));
    }
}
