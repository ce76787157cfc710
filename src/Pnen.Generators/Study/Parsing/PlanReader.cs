using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Shared;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Reads the Plan property of a [Study] class: the fluent chain from <c>Study.Of&lt;T&gt;()</c>, and the
/// builder lambdas of .Flow, .Subgroup and .WithinSelection. Calls are recognised by name once the
/// semantic model confirms they are Pnen.Dsl's; a call that binds elsewhere is noted as unreadable,
/// and a call that does not bind at all (a compile error) is read by its name, so that one typo
/// neither hides the subgroups nor adds diagnostics of its own.
/// </summary>
internal sealed partial class PlanReader
{
    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly CharacteristicReader _characteristics;
    private readonly ValueLambdaReader _values;
    private readonly PlanSyntax _plan;

    private PlanReader(SemanticModel model, PlanSyntax plan, CancellationToken cancellationToken)
    {
        _model = model;
        _plan = plan;
        _cancellationToken = cancellationToken;
        _characteristics = new CharacteristicReader(model, cancellationToken);
        _values = new ValueLambdaReader(model, cancellationToken);
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
        var startsAtStudyOf = start is { Name: PlanVocabulary.Of, IsForeign: false } && (start.Method is null || start.Method.ContainingType.Name == "Study");
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
            case PlanVocabulary.Survival:
                _plan.Outcomes.Add(call.NameLocation);
                break;
            case PlanVocabulary.Exclude:
                _plan.Exclusions.Add(Exclusion(call));
                break;
            case PlanVocabulary.Flow:
                ReadBuilder(Arguments.Expression(call, PlanVocabulary.FlowParameter, 0), c =>
                {
                    if (c.Name == PlanVocabulary.Exclude) _plan.Exclusions.Add(Exclusion(c));
                });
                break;
            case PlanVocabulary.Stratify:
                if (_values.Read(Arguments.Expression(call, PlanVocabulary.ByParameter, 0)) is { } strata) _plan.Strata.Add(strata);
                break;
            case PlanVocabulary.Exposure:
                _plan.Exposure = _characteristics.ReadExposure(call);
                if (Arguments.Expression(call, PlanVocabulary.StartsAtParameter, 3) is { } startsAt) _plan.ExposureStarts.Add((startsAt.GetLocation(), true));
                break;
            case PlanVocabulary.ImmortalTime:
                _plan.ExposureStarts.Add((call.NameLocation, false));
                break;
            case PlanVocabulary.Landmark:
                var landmarks = Arguments.Params(call, PlanVocabulary.TimesParameter, 0)
                    .Select(t => new TimeStep(Arguments.Number(t, _model, _cancellationToken), t.GetLocation())).ToList();
                _plan.Landmarks.Add((call.NameLocation, _plan.ExposureStarts.Count > 0, landmarks));
                break;
            case PlanVocabulary.Characteristic:
                if (_characteristics.Read(call) is { } characteristic)
                {
                    _plan.Characteristics.Add(characteristic);
                    if (characteristic.Cut is { } cut) _plan.Cuts.Add(cut);
                }
                break;
            case PlanVocabulary.BaselineTable:
                if (call.Method is { IsGenericMethod: true, TypeArguments.Length: 1 } baseline && Arguments.Expression(call, PlanVocabulary.ByParameter, 0) is { } by)
                {
                    _plan.Groupings.Add(new GroupingStep(baseline.TypeArguments[0], by.GetLocation()));
                }
                break;
            case PlanVocabulary.Univariate:
                _plan.Univariate = true;
                break;
            case PlanVocabulary.Model:
                // On StudyPlan<T> (one type argument) the model comes before its exposure.
                if (call.Method?.ContainingType is { TypeArguments.Length: 1 }) _plan.ModelsBeforeExposure.Add(call.NameLocation);
                else _plan.Models.Add(ReadModel(call));
                break;
            case PlanVocabulary.SurvivalAt:
                foreach (var time in Arguments.Params(call, PlanVocabulary.TimesParameter, 0))
                {
                    _plan.SurvivalTimes.Add(new TimeStep(Arguments.Number(time, _model, _cancellationToken), time.GetLocation()));
                }
                break;
            case PlanVocabulary.RestrictedMean:
                if (Arguments.Expression(call, PlanVocabulary.TauParameter, 0) is { } tau)
                {
                    _plan.RestrictedMean = new TimeStep(Arguments.Number(tau, _model, _cancellationToken), tau.GetLocation());
                }
                break;
            case PlanVocabulary.Subgroup:
                ReadSubgroup(call);
                break;
            case PlanVocabulary.WithinSelection:
                if (ReadSelection(call) is { } selection) _plan.Selections.Add(selection);
                break;
            case PlanVocabulary.Weighting:
                _plan.Weightings.Add(ReadWeighting(call));
                break;
            case PlanVocabulary.AdjustedCurves:
                _plan.AdjustedCurves.Add(ReadAdjustedCurves(call));
                break;
        }
    }

    /// <summary>Model(name, ties, configure): its name and what the builder lambda adds.</summary>
    private ModelStep ReadModel(Call call)
    {
        var model = new ModelStep(Arguments.Named(call, PlanVocabulary.NameParameter, 0, _model, _cancellationToken) ?? new NamedStep(null, call.NameLocation), call.NameLocation);
        if (Arguments.Expression(call, PlanVocabulary.TiesParameter, 1) is { } ties && TiesReader.Read(ties, _model, _cancellationToken) is { } tiesName)
        {
            model.Ties = (tiesName, ties.GetLocation());
        }
        model.IsComplete = ReadBuilder(Arguments.Expression(call, PlanVocabulary.ConfigureParameter, 2), c =>
        {
            switch (c.Name)
            {
                case PlanVocabulary.Adjust:
                    foreach (var covariate in Arguments.Params(c, PlanVocabulary.CovariatesParameter, 0))
                    {
                        if (_values.Read(covariate) is { } variable) model.Terms.Add(new TermStep(variable, false, null, null));
                    }
                    break;
                case PlanVocabulary.Spline:
                    if (_values.Read(Arguments.Expression(c, PlanVocabulary.VariableParameter, 0)) is { } spline)
                    {
                        var df = Arguments.Expression(c, PlanVocabulary.DfParameter, 1);
                        var value = df is null ? 3 : Arguments.Number(df, _model, _cancellationToken);
                        model.Terms.Add(new TermStep(spline, true, value is { } d && d == System.Math.Floor(d) ? (int)d : null, df?.GetLocation()));
                    }
                    break;
                case PlanVocabulary.Interaction:
                    if (_values.Read(Arguments.Expression(c, PlanVocabulary.FirstParameter, 0)) is { } first &&
                        _values.Read(Arguments.Expression(c, PlanVocabulary.SecondParameter, 1)) is { } second)
                    {
                        model.Interactions.Add(new InteractionStep(first, second, c.NameLocation));
                    }
                    break;
                case PlanVocabulary.Stratify:
                    if (_values.Read(Arguments.Expression(c, PlanVocabulary.ByParameter, 0)) is { } strata) model.Strata.Add(strata);
                    break;
                case PlanVocabulary.Screen:
                    model.Screen = c.NameLocation;
                    _plan.Univariate = true;
                    break;
                case PlanVocabulary.Firth:
                    model.Firth = c.NameLocation;
                    break;
                case PlanVocabulary.Cluster:
                    if (_values.Read(Arguments.Expression(c, PlanVocabulary.ByParameter, 0)) is { } cluster) model.Clusters.Add((cluster, c.NameLocation));
                    break;
            }
        });
        return model;
    }

    private void ReadSubgroup(Call call)
    {
        var name = Arguments.Named(call, PlanVocabulary.NameParameter, 0, _model, _cancellationToken) ?? new NamedStep(null, call.NameLocation);
        var subgroup = new SubgroupStep(name, Lambdas.Read(Arguments.Expression(call, PlanVocabulary.WhereParameter, 1), _model, _cancellationToken));
        ReadBuilder(Arguments.Expression(call, PlanVocabulary.ConfigureParameter, 2), c =>
        {
            switch (c.Name)
            {
                case PlanVocabulary.Exclude:
                    subgroup.Exclusions.Add(Exclusion(c));
                    break;
                case PlanVocabulary.WithinSelection:
                    if (ReadSelection(c) is { } selection) subgroup.Selections.Add(selection);
                    break;
            }
        });
        _plan.Subgroups.Add(subgroup);
    }

    /// <summary>WithinSelection(name, where, effects): its name, and its effects (and their cuts).</summary>
    private SelectionStep? ReadSelection(Call call)
    {
        if (Arguments.Named(call, PlanVocabulary.NameParameter, 0, _model, _cancellationToken) is not { } name) return null;
        var selection = new SelectionStep(name);
        ReadBuilder(Arguments.Expression(call, PlanVocabulary.EffectsParameter, 2), c =>
        {
            if (c.Name != PlanVocabulary.Effect || _characteristics.Read(c) is not { } effect) return;
            selection.Effects.Add(effect);
            if (effect.Cut is { } cut) _plan.Cuts.Add(cut);
        });
        return selection;
    }

    private ExclusionStep Exclusion(Call call) => new(
        Arguments.Named(call, PlanVocabulary.ReasonParameter, 0, _model, _cancellationToken) ?? new NamedStep(null, call.NameLocation),
        Lambdas.Read(Arguments.Expression(call, PlanVocabulary.ExcludedParameter, 1), _model, _cancellationToken));

    /// <summary>Reads the chain of a builder lambda (<c>s =&gt; s.Exclude(...).WithinSelection(...)</c>).
    /// Anything else (a method group, a helper) is left alone: it is valid, only not checked, and the
    /// method returns false.</summary>
    private bool ReadBuilder(ExpressionSyntax? argument, System.Action<Call> step)
    {
        if (argument is null) return true;
        var lambda = Lambdas.Read(argument, _model, _cancellationToken);
        if (lambda is null) return false;
        var calls = CallChain.Unwind(lambda.Body, _model, _cancellationToken, out var root);
        if (!Lambdas.IsParameter(root, lambda.Parameter, _model, _cancellationToken)) return false;
        var complete = true;
        foreach (var call in calls)
        {
            if (call.IsForeign)
            {
                _plan.Unreadable.Add((call.NameLocation, $"'{call.Name}' is not a step of Pnen.Dsl"));
                complete = false;
            }
            else
            {
                step(call);
            }
        }
        return complete;
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
