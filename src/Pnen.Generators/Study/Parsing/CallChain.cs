using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>Unwinds a fluent chain <c>a.B(...).C(...)</c> into its calls, innermost first.</summary>
internal static class CallChain
{
    /// <param name="root">What the first call is made on: <c>Study</c> in <c>Study.Of&lt;T&gt;()</c>, the
    /// builder parameter in <c>f =&gt; f.Exclude(...)</c>; null when the first call has no receiver.</param>
    public static List<Call> Unwind(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out ExpressionSyntax? root)
    {
        var calls = new List<Call>();
        ExpressionSyntax? current = Strip(expression);
        root = null;
        while (current is InvocationExpressionSyntax invocation)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    calls.Add(Bind(invocation, access.Name.Identifier.ValueText, access.Name.GetLocation(), model, cancellationToken));
                    current = Strip(access.Expression);
                    break;
                case SimpleNameSyntax name:
                    // using static Pnen.Dsl.Study; Of<Patient>()
                    calls.Add(Bind(invocation, name.Identifier.ValueText, name.GetLocation(), model, cancellationToken));
                    current = null;
                    break;
                default:
                    current = invocation.Expression;
                    break;
            }
        }
        root = current;
        calls.Reverse();
        return calls;
    }

    public static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    expression = suppressed.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    private static Call Bind(InvocationExpressionSyntax invocation, string name, Location nameLocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        if (info.Symbol is IMethodSymbol method) return new Call(invocation, name, nameLocation, method, !DslSymbols.IsDsl(method));

        // No binding (a compile error nearby): foreign only if every candidate is. A candidate is not
        // used as the method: its type arguments may be unresolved, and a check on them would be wrong.
        var candidates = info.CandidateSymbols.OfType<IMethodSymbol>().ToArray();
        var foreign = candidates.Length > 0 && candidates.All(c => !DslSymbols.IsDsl(c));
        return new Call(invocation, name, nameLocation, null, foreign);
    }
}
