using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Shared;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Reads <c>.Characteristic(...)</c> and <c>.Effect(...)</c> calls the way the runtime builds them:
/// the overload says whether it is an enum, a yes/no, a cut or a number, and the label falls back
/// to the codebook's as Pnen.Dsl's Characteristics class does.
/// </summary>
internal sealed class CharacteristicReader(SemanticModel model, CancellationToken cancellationToken)
{
    private readonly ValueLambdaReader _values = new(model, cancellationToken);

    public CharacteristicStep? Read(Call call)
    {
        var argument = Arguments.Find(call, call.Method?.Parameters.FirstOrDefault()?.Name ?? "", 0);
        if (argument is null) return null;
        var lambda = Lambdas.Read(argument.Expression, model, cancellationToken);
        var location = argument.Expression.GetLocation();
        var variable = _values.Read(argument.Expression);
        var id = variable?.Id;
        if (Arguments.Expression(call, PlanVocabulary.NameParameter, -1) is { } nameExpression) id = Arguments.String(nameExpression, model, cancellationToken);

        string? label = null;
        var labelKnown = true;
        if (Arguments.Expression(call, "label", -1) is { } labelExpression)
        {
            label = Arguments.String(labelExpression, model, cancellationToken);
            labelKnown = label is not null;
        }

        var cut = ReadCut(lambda);
        if (cut is not null || IsCutOverload(call))
        {
            // FromCut: label ?? variable?.Label ?? "Cut"
            var cutLabel = labelKnown ? label ?? Lambdas.CodebookLabel(cut?.Member) ?? "Cut" : null;
            return new CharacteristicStep(cutLabel, location, cut?.Member, isDerived: true, reference: null, cut, variable, id);
        }

        var member = Lambdas.Member(lambda, model, cancellationToken);
        var valueType = ValueType(call);
        // A computed value's label is its expression as the runtime reads it: not known here, so its
        // label checks are left to the runtime.
        var resolved = labelKnown ? label ?? Lambdas.CodebookLabel(member) ?? member?.Name : null;
        return new CharacteristicStep(resolved, location, member, isDerived: false, Reference(call, member, valueType, location), cut: null, variable, id);
    }

    /// <summary>The exposure: Exposure&lt;TX&gt;(exposure, reference, label).</summary>
    public ExposureStep? ReadExposure(Call call)
    {
        var argument = Arguments.Expression(call, "exposure", 0);
        if (argument is null) return null;
        var member = Lambdas.Member(Lambdas.Read(argument, model, cancellationToken), model, cancellationToken);
        var type = call.Method is { TypeArguments.Length: 1 } method ? method.TypeArguments[0] : null;

        string? label = null;
        if (Arguments.Expression(call, "label", 2) is { } labelExpression) label = Arguments.String(labelExpression, model, cancellationToken);
        else label = Lambdas.CodebookLabel(member) ?? member?.Name ?? "Exposure";

        LevelReference? reference = null;
        if (member is not null && Arguments.Expression(call, "reference", 1) is { } referenceExpression && Level(referenceExpression) is { } level)
        {
            reference = new LevelReference(member, level, referenceExpression.GetLocation());
        }
        return new ExposureStep(type, argument.GetLocation(), member, label, reference);
    }

    /// <summary>The value type X of the overload's <c>Expression&lt;Func&lt;T, X&gt;&gt;</c>, without Nullable.</summary>
    private static ITypeSymbol? ValueType(Call call)
    {
        if (call.Method?.Parameters.FirstOrDefault()?.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } expression) return null;
        return expression.TypeArguments[0] is INamedTypeSymbol { TypeArguments.Length: 2 } func ? DslSymbols.Underlying(func.TypeArguments[1]) : null;
    }

    private static bool IsCutOverload(Call call) => DslSymbols.IsCut(ValueType(call));

    /// <summary>The reference level: the argument when given, else the runtime's default (the first
    /// level of an enum variable of the codebook, "No" of a yes/no).</summary>
    private LevelReference? Reference(Call call, IPropertySymbol? member, ITypeSymbol? valueType, Location variableLocation)
    {
        if (member is null || valueType is null) return null;
        if (valueType.SpecialType == SpecialType.System_Boolean)
        {
            var yes = Arguments.Expression(call, "referenceIsYes", -1);
            if (yes is null) return new LevelReference(member, new LevelValue(false, "false"), variableLocation);
            return model.GetConstantValue(yes, cancellationToken) is { HasValue: true, Value: bool isYes }
                ? new LevelReference(member, new LevelValue(isYes, isYes ? "true" : "false"), yes.GetLocation())
                : null;
        }
        if (valueType.TypeKind != TypeKind.Enum) return null;

        var explicitReference = Arguments.Expression(call, "reference", -1);
        if (explicitReference is not null && !explicitReference.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression))
        {
            return Level(explicitReference) is { } level ? new LevelReference(member, level, explicitReference.GetLocation()) : null;
        }
        // Levels come in the codebook's order (the enum's declaration order) only for a codebook variable.
        if (Lambdas.CodebookLabel(member) is null) return null;
        var first = valueType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue);
        return first is null ? null : new LevelReference(member, new LevelValue(first.ConstantValue!, first.Name), variableLocation);
    }

    /// <summary>A level written as a constant: <c>Surgery.NR</c>, <c>true</c>.</summary>
    public LevelValue? Level(ExpressionSyntax expression)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        if (!constant.HasValue || constant.Value is null) return null;
        var display = model.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol field ? field.Name : expression.ToString();
        return new LevelValue(constant.Value, display);
    }

    /// <summary><c>p =&gt; p.X.Below(t, "lower", "upper")</c> or <c>AtMost</c> with a constant threshold.</summary>
    private CutStep? ReadCut(LambdaPredicate? lambda)
    {
        if (lambda?.Body is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation) return null;
        var name = access.Name.Identifier.ValueText;
        if (name is not ("Below" or "AtMost")) return null;
        var symbol = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
        if (symbol is not null && !DslSymbols.IsDsl(symbol)) return null;
        var member = Lambdas.Member(access.Expression, lambda.Parameter, model, cancellationToken);
        if (member is null) return null;

        // The reduced extension method's parameters: threshold, lower label, upper label.
        var call = new Call(invocation, name, access.Name.GetLocation(), symbol, isForeign: false);
        var threshold = Arguments.Expression(call, symbol?.Parameters.ElementAtOrDefault(0)?.Name ?? "threshold", 0);
        if (threshold is null || Arguments.Number(threshold, model, cancellationToken) is not { } value) return null;
        var lower = Arguments.Expression(call, symbol?.Parameters.ElementAtOrDefault(1)?.Name ?? "", 1);
        var upper = Arguments.Expression(call, symbol?.Parameters.ElementAtOrDefault(2)?.Name ?? "", 2);
        return new CutStep(member, value, name == "AtMost",
            lower is null ? null : Arguments.String(lower, model, cancellationToken),
            upper is null ? null : Arguments.String(upper, model, cancellationToken),
            threshold.GetLocation());
    }
}
