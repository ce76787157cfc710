using System.Globalization;
using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>
/// Reads a plan's value lambda as a reader would say it, for the label of a computed value:
/// <c>p =&gt; Math.Log(p.Bilirubin)</c> is "log(Serum bilirubin)" with the codebook's label, so a
/// transformed covariate never prints as "Value". Shapes it does not know read as "value".
/// </summary>
internal static class ExpressionText
{
    private static readonly Dictionary<string, string> Functions = new(StringComparer.Ordinal)
    {
        ["Log"] = "log", ["Log10"] = "log10", ["Log2"] = "log2", ["Sqrt"] = "sqrt", ["Exp"] = "exp", ["Abs"] = "abs",
        ["Cbrt"] = "cbrt", ["Min"] = "min", ["Max"] = "max", ["Round"] = "round", ["Floor"] = "floor", ["Ceiling"] = "ceiling",
    };

    public static string Describe(Expression expression, CodebookSchema schema) => expression switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert => Describe(convert.Operand, schema),
        UnaryExpression { NodeType: ExpressionType.Negate or ExpressionType.NegateChecked } negate => "−" + Operand(negate.Operand, schema),
        MemberExpression { Expression: ParameterExpression } member => schema.TryGet(member.Member.Name, out var v) ? v.Label : member.Member.Name,
        ConstantExpression { Value: IFormattable number } => number.ToString(null, CultureInfo.InvariantCulture),
        MethodCallExpression { Method.DeclaringType: var type } call when type == typeof(Math) && call.Method.Name == nameof(Math.Pow) =>
            $"{Operand(call.Arguments[0], schema)}^{Operand(call.Arguments[1], schema)}",
        MethodCallExpression { Method.DeclaringType: var type } call when type == typeof(Math) && Functions.TryGetValue(call.Method.Name, out var name) =>
            $"{name}({string.Join(", ", call.Arguments.Select(a => Describe(a, schema)))})",
        BinaryExpression binary when Operator(binary.NodeType) is { } op => $"{Operand(binary.Left, schema)} {op} {Operand(binary.Right, schema)}",
        _ => "value",
    };

    private static string Operand(Expression expression, CodebookSchema schema)
    {
        var text = Describe(expression, schema);
        return Strip(expression) is BinaryExpression ? $"({text})" : text;
    }

    private static Expression Strip(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert ? Strip(convert.Operand) : expression;

    private static string? Operator(ExpressionType type) => type switch
    {
        ExpressionType.Add or ExpressionType.AddChecked => "+",
        ExpressionType.Subtract or ExpressionType.SubtractChecked => "−",
        ExpressionType.Multiply or ExpressionType.MultiplyChecked => "×",
        ExpressionType.Divide => "/",
        _ => null,
    };
}
