using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>Which codebook property an outcome lambda names, for its label and unit.</summary>
internal static class ExpressionReader
{
    /// <summary>The property a lambda reads: <c>p =&gt; p.Age</c>, also through a conversion.</summary>
    public static string? MemberName(LambdaExpression lambda)
    {
        var body = StripConvert(lambda.Body);
        return body is MemberExpression { Expression: ParameterExpression } member ? member.Member.Name : null;
    }

    public static VariableDescriptor? Variable<T>(LambdaExpression lambda) where T : ICodebook<T> =>
        MemberName(lambda) is { } name && T.Schema.TryGet(name, out var variable) ? variable : null;

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary) expression = unary.Operand;
        return expression;
    }
}
