using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>Reads a model's ties argument: <c>Cox.Efron</c>, <c>Cox.Breslow</c> (Pnen.Dsl's Cox) or the
/// engine's <c>CoxTies.Efron</c>/<c>CoxTies.Breslow</c>; anything else (a variable, a call) is not known
/// until the plan runs, and reads as null.</summary>
internal static class TiesReader
{
    public static string? Read(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
        var isTies = symbol switch
        {
            IPropertySymbol property => DslSymbols.IsDsl(property) && property.ContainingType.Name == "Cox",
            IFieldSymbol { HasConstantValue: true } field => field.ContainingType is { Name: "CoxTies", TypeKind: TypeKind.Enum },
            _ => false,
        };
        return isTies && symbol!.Name is "Efron" or "Breslow" ? symbol.Name : null;
    }
}
