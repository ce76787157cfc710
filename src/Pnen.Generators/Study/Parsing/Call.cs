using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>One call of a fluent chain: <c>.Subgroup("Older", ...)</c>.</summary>
internal sealed class Call(InvocationExpressionSyntax syntax, string name, Location nameLocation, IMethodSymbol? method, bool isForeign)
{
    public InvocationExpressionSyntax Syntax { get; } = syntax;

    public string Name { get; } = name;

    /// <summary>The method's name in the call, where a problem with the call itself is reported.</summary>
    public Location NameLocation { get; } = nameLocation;

    /// <summary>The bound method; null when the call does not bind (the compiler reports that), and then
    /// the call is read by its name alone, so one typo does not hide the rest of the plan.</summary>
    public IMethodSymbol? Method { get; } = method;

    /// <summary>Binds to a method outside Pnen.Dsl, whose effect on the plan is unknown.</summary>
    public bool IsForeign { get; } = isForeign;
}
