using System;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// Evaluates a plan's predicate for the records at one level of a categorical variable: does
/// <c>p =&gt; p.Surgery == Surgery.NR || p.Age &gt; 80</c> hold for every record with Surgery = NR? It
/// knows ==, !=, is (constant, not, or, and, relational patterns), !, &amp;&amp;, || and the bare
/// property of a bool; anything else about the record is unknown, so only certain answers count.
/// </summary>
internal sealed class LevelLogic(SemanticModel model, CancellationToken cancellationToken)
{
    public Truth Evaluate(LambdaPredicate predicate, IPropertySymbol member, LevelValue level) =>
        Evaluate(predicate.Body, predicate.Parameter, member, level.Constant);

    private Truth Evaluate(ExpressionSyntax expression, IParameterSymbol parameter, IPropertySymbol member, object level)
    {
        expression = CallChain.Strip(expression);
        switch (expression)
        {
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Evaluate(unary.Operand, parameter, member, level).Not();
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                return Evaluate(binary.Left, parameter, member, level).And(Evaluate(binary.Right, parameter, member, level));
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                return Evaluate(binary.Left, parameter, member, level).Or(Evaluate(binary.Right, parameter, member, level));
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                var other = IsMember(binary.Left, parameter, member) ? binary.Right : IsMember(binary.Right, parameter, member) ? binary.Left : null;
                if (other is null || !TryConstant(other, out var constant)) return Truth.Unknown;
                var equal = constant is not null && SameValue(level, constant);
                return TruthExtensions.Of(binary.IsKind(SyntaxKind.EqualsExpression) == equal);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.IsExpression) && IsMember(binary.Left, parameter, member):
                // `p.Surgery is Surgery.NR` parses as a type test; it binds as a constant pattern.
                return TryConstant(binary.Right, out var tested) ? TruthExtensions.Of(tested is not null && SameValue(level, tested)) : Truth.Unknown;
            case BinaryExpressionSyntax binary when Relational(binary.Kind()) is { } relation:
                return Compare(binary, relation, parameter, member, level);
            case IsPatternExpressionSyntax isPattern when IsMember(isPattern.Expression, parameter, member):
                return Match(isPattern.Pattern, level);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.TrueLiteralExpression):
                return Truth.True;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression):
                return Truth.False;
            default:
                // p => p.Metastatic, for a bool variable at the level true or false.
                return level is bool flag && IsMember(expression, parameter, member) ? TruthExtensions.Of(flag) : Truth.Unknown;
        }
    }

    private Truth Match(PatternSyntax pattern, object level)
    {
        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return Match(parenthesized.Pattern, level);
            case UnaryPatternSyntax negated:
                return Match(negated.Pattern, level).Not();
            case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                return Match(binary.Left, level).Or(Match(binary.Right, level));
            case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.AndPattern):
                return Match(binary.Left, level).And(Match(binary.Right, level));
            case DiscardPatternSyntax:
                return Truth.True;
            case ConstantPatternSyntax constantPattern when TryConstant(constantPattern.Expression, out var constant):
                // `is null` never holds at a level: a record at a level has a value.
                return TruthExtensions.Of(constant is not null && SameValue(level, constant));
            case RelationalPatternSyntax relational when TryConstant(relational.Expression, out var bound) && bound is not null
                && Number(level) is { } x && Number(bound) is { } y:
                return TruthExtensions.Of(Holds(Relational(relational.OperatorToken.Kind())!.Value, x, y));
            default:
                return Truth.Unknown;
        }
    }

    /// <summary><c>p.Surgery &lt; Surgery.PR</c>, or the same with the operands swapped.</summary>
    private Truth Compare(BinaryExpressionSyntax binary, SyntaxKind relation, IParameterSymbol parameter, IPropertySymbol member, object level)
    {
        var memberOnLeft = IsMember(binary.Left, parameter, member);
        if (!memberOnLeft && !IsMember(binary.Right, parameter, member)) return Truth.Unknown;
        if (!TryConstant(memberOnLeft ? binary.Right : binary.Left, out var bound) || bound is null) return Truth.Unknown;
        if (Number(level) is not { } x || Number(bound) is not { } y) return Truth.Unknown;
        return TruthExtensions.Of(memberOnLeft ? Holds(relation, x, y) : Holds(relation, y, x));
    }

    /// <summary>The relation a binary operator or a relational pattern's token states, as the token kind of its pattern.</summary>
    private static SyntaxKind? Relational(SyntaxKind kind) => kind switch
    {
        SyntaxKind.LessThanExpression or SyntaxKind.LessThanToken => SyntaxKind.LessThanToken,
        SyntaxKind.LessThanOrEqualExpression or SyntaxKind.LessThanEqualsToken => SyntaxKind.LessThanEqualsToken,
        SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanToken => SyntaxKind.GreaterThanToken,
        SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.GreaterThanEqualsToken => SyntaxKind.GreaterThanEqualsToken,
        _ => null,
    };

    private static bool Holds(SyntaxKind relation, decimal x, decimal y) => relation switch
    {
        SyntaxKind.LessThanToken => x < y,
        SyntaxKind.LessThanEqualsToken => x <= y,
        SyntaxKind.GreaterThanToken => x > y,
        _ => x >= y,
    };

    private bool IsMember(ExpressionSyntax expression, IParameterSymbol parameter, IPropertySymbol member) =>
        SymbolEqualityComparer.Default.Equals(Lambdas.Member(expression, parameter, model, cancellationToken), member);

    private bool TryConstant(ExpressionSyntax expression, out object? value)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        value = constant.HasValue ? constant.Value : null;
        return constant.HasValue;
    }

    /// <summary>Equal levels: the same constant, or the same number (an enum over byte against a literal 0).</summary>
    private static bool SameValue(object level, object value) =>
        level.Equals(value) || (Number(level) is { } a && Number(value) is { } b && a == b);

    private static decimal? Number(object value) => value switch
    {
        bool or string or char => null,
        IConvertible convertible => convertible.ToDecimal(CultureInfo.InvariantCulture),
        _ => null,
    };
}
