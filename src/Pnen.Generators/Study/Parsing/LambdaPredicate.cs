using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A one-parameter lambda of a plan (<c>p =&gt; p.Grade is null</c>): its parameter and the expression it returns.</summary>
internal sealed class LambdaPredicate(IParameterSymbol parameter, ExpressionSyntax body)
{
    public IParameterSymbol Parameter { get; } = parameter;

    public ExpressionSyntax Body { get; } = body;
}
