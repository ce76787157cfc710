using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Reads the Plan property of a [Study] class: the fluent chain from <c>Study.Of&lt;T&gt;()</c>, and the
/// builder lambdas of .Flow, .Subgroup and .WithinSelection. Calls are recognised by name once the
/// semantic model confirms they are Pnen.Dsl's; a call that binds elsewhere is noted as unreadable,
/// and a call that does not bind at all (a compile error) is read by its name, so that one typo
/// neither hides the subgroups nor adds diagnostics of its own.
/// </summary>
internal sealed class PlanReader
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly CharacteristicReader _characteristics;
    private readonly PlanSyntax _plan;

    private PlanReader(SemanticModel model, PlanSyntax plan, CancellationToken cancellationToken)
    {
        _model = model;
        _plan = plan;
        _cancellationToken = cancellationToken;
        _characteristics = new CharacteristicReader(model, cancellationToken);
    }

    public static PlanSyntax Read(PropertyDeclarationSyntax property, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = (SyntaxNode?)property.ExpressionBody ?? (SyntaxNode?)property.Initializer ?? property.AccessorList ?? (SyntaxNode)property;
        var plan = new PlanSyntax(model, property.Identifier.GetLocation(), scope);
        var expression = Expression(property);
        if (expression is null)
        {
            plan.Unreadable.Add((property.Identifier.GetLocation(), "The Plan is not one expression"));
            return plan;
        }
        new PlanReader(model, plan, cancellationToken).ReadPlan(expression);
        return plan;
    }

    /// <summary>What the property returns: <c>=&gt; ...</c>, <c>{ get; } = ...</c>, or a getter that is one return.</summary>
    private static ExpressionSyntax? Expression(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is { } body) return body.Expression;
        if (property.Initializer is { } initializer) return initializer.Value;
        var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get");
        if (getter?.ExpressionBody is { } getterBody) return getterBody.Expression;
        var returns = getter?.Body?.Statements.OfType<ReturnStatementSyntax>().ToArray();
        return returns is { Length: 1 } && getter!.Body!.Statements.Count == 1 ? returns[0].Expression : null;
    }

    private void ReadPlan(ExpressionSyntax expression)
    {
        var calls = CallChain.Unwind(expression, _model, _cancellationToken, out var root);
        var start = calls.FirstOrDefault();
        var startsAtStudyOf = start is { Name: "Of", IsForeign: false } && (start.Method is null || start.Method.ContainingType.Name == "Study");
        // A foreign first call is reported as a foreign step below; an unbound start is a compile error already.
        if (!startsAtStudyOf && start is not { IsForeign: true })
        {
            var first = root ?? start?.Syntax ?? expression;
            if (Binds(first)) _plan.Unreadable.Add((first.GetLocation(), $"The plan starts with '{Short(first)}', not Study.Of<TRecord>()"));
        }
        foreach (var call in calls)
        {
            if (call.IsForeign)
            {
                _plan.Unreadable.Add((call.NameLocation, $"'{call.Name}' is not a step of Pnen.Dsl"));
                continue;
            }
            ReadStep(call);
        }
    }

    private void ReadStep(Call call)
    {
        switch (call.Name)
        {
            case "Survival":
                _plan.Outcomes.Add(call.NameLocation);
                break;
            case "Exclude":
                _plan.Exclusions.Add(Exclusion(call));
                break;
            case "Flow":
                ReadBuilder(Arguments.Expression(call, "flow", 0), c =>
                {
                    if (c.Name == "Exclude") _plan.Exclusions.Add(Exclusion(c));
                });
                break;
            case "Exposure":
                _plan.Exposure = _characteristics.ReadExposure(call);
                break;
            case "Characteristic":
                if (_characteristics.Read(call) is { } characteristic)
                {
                    _plan.Characteristics.Add(characteristic);
                    if (characteristic.Cut is { } cut) _plan.Cuts.Add(cut);
                }
                break;
            case "BaselineTable":
                if (call.Method is { IsGenericMethod: true, TypeArguments.Length: 1 } baseline && Arguments.Expression(call, "by", 0) is { } by)
                {
                    _plan.Groupings.Add(new GroupingStep(baseline.TypeArguments[0], by.GetLocation()));
                }
                break;
            case "Multivariable":
                // Only the explicit list (params string[] adjustFor) names confounders; a Screen selects them.
                if (call.Method is { Parameters.Length: 2 } model && model.Parameters[1].IsParams)
                {
                    foreach (var label in Arguments.Params(call, model.Parameters[1].Name, 1))
                    {
                        _plan.Confounders.Add(new NamedStep(Arguments.String(label, _model, _cancellationToken), label.GetLocation()));
                    }
                }
                break;
            case "Subgroup":
                ReadSubgroup(call);
                break;
            case "WithinSelection":
                if (ReadSelection(call) is { } selection) _plan.Selections.Add(selection);
                break;
        }
    }

    private void ReadSubgroup(Call call)
    {
        var name = Arguments.Named(call, "name", 0, _model, _cancellationToken) ?? new NamedStep(null, call.NameLocation);
        var subgroup = new SubgroupStep(name, Lambdas.Read(Arguments.Expression(call, "where", 1), _model, _cancellationToken));
        ReadBuilder(Arguments.Expression(call, "configure", 2), c =>
        {
            switch (c.Name)
            {
                case "Exclude":
                    subgroup.Exclusions.Add(Exclusion(c));
                    break;
                case "WithinSelection":
                    if (ReadSelection(c) is { } selection) subgroup.Selections.Add(selection);
                    break;
            }
        });
        _plan.Subgroups.Add(subgroup);
    }

    /// <summary>WithinSelection(name, where, effects): its name, and the cuts among its effects.</summary>
    private NamedStep? ReadSelection(Call call)
    {
        ReadBuilder(Arguments.Expression(call, "effects", 2), c =>
        {
            if (c.Name == "Effect" && _characteristics.Read(c)?.Cut is { } cut) _plan.Cuts.Add(cut);
        });
        return Arguments.Named(call, "name", 0, _model, _cancellationToken);
    }

    private ExclusionStep Exclusion(Call call) => new(
        Arguments.Named(call, "reason", 0, _model, _cancellationToken) ?? new NamedStep(null, call.NameLocation),
        Lambdas.Read(Arguments.Expression(call, "excluded", 1), _model, _cancellationToken));

    /// <summary>Reads the chain of a builder lambda (<c>s =&gt; s.Exclude(...).WithinSelection(...)</c>).
    /// Anything else (a method group, a helper) is left alone: it is valid, only not checked.</summary>
    private void ReadBuilder(ExpressionSyntax? argument, System.Action<Call> step)
    {
        var lambda = Lambdas.Read(argument, _model, _cancellationToken);
        if (lambda is null) return;
        var calls = CallChain.Unwind(lambda.Body, _model, _cancellationToken, out var root);
        if (!Lambdas.IsParameter(root, lambda.Parameter, _model, _cancellationToken)) return;
        foreach (var call in calls)
        {
            if (call.IsForeign) _plan.Unreadable.Add((call.NameLocation, $"'{call.Name}' is not a step of Pnen.Dsl"));
            else step(call);
        }
    }

    private bool Binds(ExpressionSyntax expression) =>
        _model.GetSymbolInfo(expression, _cancellationToken).Symbol is not null
        || _model.GetTypeInfo(expression, _cancellationToken).Type is { TypeKind: not TypeKind.Error };

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString();
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line.Substring(0, 40) + "...";
    }
}
