using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>
/// Reads the lambdas of a plan once, when the plan is built: which codebook property a lambda names
/// (for its label, unit and levels) and the arguments of a cut (for its levels before any record is
/// seen). Anything it does not recognise is still compiled and evaluated; it only loses the metadata.
/// </summary>
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

    /// <summary>Reads <c>p =&gt; p.X.Below(t, a, b)</c> or <c>AtMost</c>: the value of X, the threshold
    /// and labels. False for any other shape.</summary>
    public static bool TryReadCut<T>(Expression<Func<T, Cut>> lambda, out Func<T, double?> value, out Cut template, out string? member)
    {
        value = null!;
        template = default;
        member = null;
        if (lambda.Body is not MethodCallExpression call || call.Method.DeclaringType != typeof(CutExtensions)) return false;
        if (call.Arguments.Count != 4) return false;
        if (!TryConstant(call.Arguments[1], out double threshold) ||
            !TryConstant(call.Arguments[2], out string? lower) || !TryConstant(call.Arguments[3], out string? upper) ||
            lower is null || upper is null)
        {
            return false;
        }

        var source = call.Arguments[0];
        var asDouble = Expression.Convert(source, typeof(double?));
        value = Expression.Lambda<Func<T, double?>>(asDouble, lambda.Parameters).Compile();
        template = new Cut(null, threshold, call.Method.Name == nameof(CutExtensions.AtMost), lower, upper);
        var stripped = StripConvert(source);
        member = stripped is MemberExpression { Expression: ParameterExpression } m ? m.Member.Name : null;
        return true;
    }

    private static bool TryConstant<TValue>(Expression expression, out TValue? value)
    {
        value = default;
        if (expression.NodeType == ExpressionType.Parameter) return false;
        if (ContainsParameter(expression)) return false;
        var boxed = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile()();
        if (boxed is TValue typed)
        {
            value = typed;
            return true;
        }
        return false;
    }

    private static bool ContainsParameter(Expression expression)
    {
        var finder = new ParameterFinder();
        finder.Visit(expression);
        return finder.Found;
    }

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary) expression = unary.Operand;
        return expression;
    }

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found = true;
            return node;
        }
    }
}
