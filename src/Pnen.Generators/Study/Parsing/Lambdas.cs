using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>Reads the one-parameter lambdas of a plan: the parameter, the returned expression, and the
/// record property a lambda names.</summary>
internal static class Lambdas
{
    public static LambdaPredicate? Read(ExpressionSyntax? expression, SemanticModel model, CancellationToken cancellationToken)
    {
        ParameterSyntax? parameter;
        CSharpSyntaxNode body;
        switch (expression is null ? null : CallChain.Strip(expression))
        {
            case SimpleLambdaExpressionSyntax simple:
                parameter = simple.Parameter;
                body = simple.Body;
                break;
            case ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized:
                parameter = parenthesized.ParameterList.Parameters[0];
                body = parenthesized.Body;
                break;
            default:
                return null;
        }
        var returned = body switch
        {
            ExpressionSyntax e => e,
            BlockSyntax { Statements.Count: 1 } block when block.Statements[0] is ReturnStatementSyntax { Expression: { } e } => e,
            _ => null,
        };
        if (returned is null || model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol) return null;
        return new LambdaPredicate(symbol, CallChain.Strip(returned));
    }

    /// <summary>The property <paramref name="expression"/> reads from the lambda's parameter
    /// (<c>p.Surgery</c>), or null for anything else.</summary>
    public static IPropertySymbol? Member(ExpressionSyntax expression, IParameterSymbol parameter, SemanticModel model, CancellationToken cancellationToken)
    {
        if (CallChain.Strip(expression) is not MemberAccessExpressionSyntax access) return null;
        if (CallChain.Strip(access.Expression) is not IdentifierNameSyntax receiver) return null;
        if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, parameter)) return null;
        return model.GetSymbolInfo(access, cancellationToken).Symbol as IPropertySymbol;
    }

    /// <summary>The property a whole lambda returns: <c>p =&gt; p.Surgery</c>.</summary>
    public static IPropertySymbol? Member(LambdaPredicate? lambda, SemanticModel model, CancellationToken cancellationToken) =>
        lambda is null ? null : Member(lambda.Body, lambda.Parameter, model, cancellationToken);

    public static bool IsParameter(ExpressionSyntax? expression, IParameterSymbol parameter, SemanticModel model, CancellationToken cancellationToken) =>
        expression is IdentifierNameSyntax name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, parameter);

    /// <summary>The label the runtime gives a codebook variable: its [Label], else its name. Null when the
    /// property is not a variable (no setter), which the runtime does not look up.</summary>
    public static string? CodebookLabel(IPropertySymbol? member)
    {
        if (member is null || member.SetMethod is null || member.IsStatic) return null;
        var label = DslSymbols.Attribute(member, "LabelAttribute");
        return label is { ConstructorArguments.Length: > 0 } && label.ConstructorArguments[0].Value is string text ? text : member.Name;
    }
}
