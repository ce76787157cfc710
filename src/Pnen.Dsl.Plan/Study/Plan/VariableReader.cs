using System.Linq.Expressions;
using Pnen.Shared;

namespace Pnen.Dsl;

/// <summary>A variable as a lambda of the plan writes it, and the units a numeric one is entered per.</summary>
internal sealed record ReadVariable<T>(CharacteristicSpec<T> Variable, double PerUnit);

/// <summary>
/// Reads one value lambda of a plan (<c>p =&gt; p.Sex</c>, <c>p =&gt; p.Age.PerUnit(10)</c>,
/// <c>p =&gt; p.Age.Below(60, "&lt;60", "≥60")</c>, <c>p =&gt; Math.Log(p.Bilirubin).As("log bilirubin")</c>)
/// into a variable spec: categorical for an enum, a boolean or a cut, continuous for any number.
/// Its id follows Pnen.Shared.PlanNames, as the generator computes it from the same lambda's syntax:
/// the label given with .As, else the one record property the lambda reads.
/// </summary>
internal static class VariableReader<T> where T : ICodebook<T>
{
    /// <param name="name">The id to use instead of the one the lambda makes (a characteristic's <c>name:</c>).</param>
    public static ReadVariable<T> Read(LambdaExpression lambda, string? label = null, object? reference = null, string? name = null)
    {
        var parameter = lambda.Parameters[0];
        var body = StripConvert(lambda.Body);
        string? asLabel = null;
        if (Call(body, PlanVocabulary.As) is { } labelled)
        {
            asLabel = Constant<string>(labelled.Arguments[1], "the label of .As");
            body = StripConvert(labelled.Arguments[0]);
        }
        var perUnit = 1.0;
        if (Call(body, PlanVocabulary.PerUnit) is { } per)
        {
            perUnit = Constant<double>(per.Arguments[1], "the units of .PerUnit");
            if (!(perUnit > 0) || !double.IsFinite(perUnit)) throw new ArgumentOutOfRangeException(nameof(lambda), perUnit, ".PerUnit takes a positive number of units.");
            body = StripConvert(per.Arguments[0]);
        }
        if (Call(body, PlanVocabulary.WithReference) is { } referenced)
        {
            reference = Constant<object>(referenced.Arguments[1], "the reference of .WithReference");
            body = StripConvert(referenced.Arguments[0]);
        }

        var members = Members(body, parameter);
        var member = members.Count == 1 ? members[0] : null;
        var id = name ?? (asLabel is not null ? PlanNames.Property(asLabel) : member)
            ?? throw new ArgumentException($"'{lambda}' reads {(members.Count == 0 ? "no property" : "several properties")} of the record: name the value with .As(\"label\").", nameof(lambda));
        var plain = body is MemberExpression { Expression: ParameterExpression };
        var source = member is not null && T.Schema.TryGet(member, out var found) ? found : null;
        label = asLabel ?? label;

        var spec = body.Type == typeof(Cut) || Nullable.GetUnderlyingType(body.Type) == typeof(Cut)
            ? CutVariable(body, parameter, id, label, source, member)
            : LevelSet.TryCreate(body.Type, T.Schema.Variables, plain ? source : null) is { } levels
                ? Categorical(body, parameter, id, label, levels, reference, plain ? source : null, member)
                : Continuous(body, parameter, id, label, plain ? source : null, member);
        if (!plain && body.Type != typeof(Cut) && spec.Derivation is null)
        {
            spec = spec with { Derivation = new TransformDerivation(ExpressionText.Describe(body, T.Schema)) };
        }
        return new ReadVariable<T>(spec, perUnit);
    }

    private static CharacteristicSpec<T> Categorical(Expression body, ParameterExpression parameter, string id, string? label, LevelSet levels, object? reference,
        VariableDescriptor? source, string? member)
    {
        var referenceIndex = 0;
        if (reference is not null)
        {
            referenceIndex = levels.CodeOf(reference);
            if (referenceIndex < 0) throw new ArgumentException($"The reference {reference} is not a level of {label ?? id}.", nameof(reference));
        }
        var read = Expression.Lambda<Func<T, object?>>(Expression.Convert(body, typeof(object)), parameter).Compile();
        return new CharacteristicSpec<T>
        {
            Id = id,
            Label = label ?? source?.Label ?? Described(body, id),
            Kind = CharacteristicKind.Categorical,
            Levels = levels.Labels,
            LevelValues = levels.Values,
            Reference = referenceIndex,
            Code = record => levels.CodeOf(read(record)),
            Source = source,
            Member = member,
        };
    }

    private static CharacteristicSpec<T> Continuous(Expression body, ParameterExpression parameter, string id, string? label, VariableDescriptor? source, string? member)
    {
        if (!IsNumber(body.Type))
        {
            throw new ArgumentException($"{label ?? id} is a {body.Type.Name}: a plan variable is an enum, a boolean, a cut or a number.", nameof(body));
        }
        var read = Expression.Lambda<Func<T, double?>>(Expression.Convert(body, typeof(double?)), parameter).Compile();
        return new CharacteristicSpec<T>
        {
            Id = id,
            Label = label ?? source?.Label ?? Described(body, id),
            Kind = CharacteristicKind.Continuous,
            Value = record => read(record) ?? double.NaN,
            Source = source,
            Member = member,
            Unit = source?.Unit,
        };
    }

    /// <summary><c>p =&gt; p.X.Below(t, "lower", "upper")</c> or <c>AtMost</c>, with constant arguments.</summary>
    private static CharacteristicSpec<T> CutVariable(Expression body, ParameterExpression parameter, string id, string? label, VariableDescriptor? source, string? member)
    {
        if (body is not MethodCallExpression { Arguments.Count: 4 } call || call.Method.DeclaringType != typeof(CutExtensions))
        {
            throw new ArgumentException("A cut is written p => p.Property.Below(threshold, \"label below\", \"label above\") or .AtMost(...).", nameof(body));
        }
        var threshold = Constant<double>(call.Arguments[1], "a cut's threshold");
        var lower = Constant<string>(call.Arguments[2], "a cut's first label");
        var upper = Constant<string>(call.Arguments[3], "a cut's second label");
        var atMost = call.Method.Name == PlanVocabulary.AtMost;
        var value = Expression.Lambda<Func<T, double?>>(Expression.Convert(call.Arguments[0], typeof(double?)), parameter).Compile();
        var template = new Cut(null, threshold, atMost, lower, upper);
        return new CharacteristicSpec<T>
        {
            Id = id,
            Label = label ?? source?.Label ?? "Cut",
            Kind = CharacteristicKind.Categorical,
            Levels = [lower, upper],
            LevelValues = [lower, upper],
            Code = record => (template with { Value = value(record) }).Code,
            Source = source,
            Member = member,
            Unit = source?.Unit,
            Derivation = new CutDerivation(source?.Label ?? member ?? "value", threshold, atMost),
        };
    }

    /// <summary>The expression as it reads, or the id where it cannot be read ("value" says nothing).</summary>
    private static string Described(Expression body, string id) => ExpressionText.Describe(body, T.Schema) is var text && text != "value" ? text : id;

    private static MethodCallExpression? Call(Expression body, string name) =>
        body is MethodCallExpression call && call.Method.DeclaringType == typeof(CovariateExtensions) && call.Method.Name == name ? call : null;

    /// <summary>The distinct record properties the expression reads, in order of appearance.</summary>
    private static List<string> Members(Expression body, ParameterExpression parameter)
    {
        var finder = new MemberFinder(parameter);
        finder.Visit(body);
        return finder.Names;
    }

    private static TValue Constant<TValue>(Expression expression, string what)
    {
        var finder = new MemberFinder(null);
        finder.Visit(expression);
        if (!finder.ReadsParameter)
        {
            var boxed = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile()();
            if (boxed is TValue typed) return typed;
            if (typeof(TValue) == typeof(double) && boxed is IConvertible number) return (TValue)(object)number.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what[1..]} must be a constant.", nameof(expression));
    }

    private static Expression StripConvert(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary) expression = unary.Operand;
        return expression;
    }

    private static bool IsNumber(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive && type != typeof(bool) && type != typeof(char) || type == typeof(decimal);
    }

    private sealed class MemberFinder(ParameterExpression? parameter) : ExpressionVisitor
    {
        public List<string> Names { get; } = [];

        public bool ReadsParameter { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ParameterExpression p && (parameter is null || p == parameter) && !Names.Contains(node.Member.Name)) Names.Add(node.Member.Name);
            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            ReadsParameter = true;
            return node;
        }
    }
}
