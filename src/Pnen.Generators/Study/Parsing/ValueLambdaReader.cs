using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Shared;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Reads a value lambda's syntax the way Pnen.Dsl's VariableReader reads its expression tree: .As
/// (label and id), .PerUnit (units), .WithReference, then the record properties the value reads and
/// the type it has. Both compute the id with Pnen.Shared.PlanNames; a test checks they agree.
/// </summary>
internal sealed class ValueLambdaReader(SemanticModel model, CancellationToken cancellationToken)
{
    public VariableStep? Read(ExpressionSyntax? argument)
    {
        if (argument is null) return null;
        var lambda = Lambdas.Read(argument, model, cancellationToken);
        // A lambda whose parameter has no type sits in a call that does not bind: the compiler reports that.
        if (lambda is null || lambda.Parameter.Type.TypeKind == TypeKind.Error)
        {
            return new VariableStep(null, ValueKind.Unknown, null, null, false, 0, 1, null, argument.GetLocation());
        }

        var body = StripCasts(lambda.Body);
        string? asLabel = null;
        var labelled = false;
        if (DslCall(body, PlanVocabulary.As) is { } asCall)
        {
            labelled = true;
            asLabel = Arguments.String(asCall.Argument, model, cancellationToken);
            body = StripCasts(asCall.Receiver);
        }
        double? perUnit = 1;
        Location? perUnitLocation = null;
        if (DslCall(body, PlanVocabulary.PerUnit) is { } perCall)
        {
            perUnit = Arguments.Number(perCall.Argument, model, cancellationToken);
            perUnitLocation = perCall.Argument.GetLocation();
            body = StripCasts(perCall.Receiver);
        }
        if (DslCall(body, PlanVocabulary.WithReference) is { } referenceCall) body = StripCasts(referenceCall.Receiver);

        var members = Members(body, lambda.Parameter);
        var member = members.Count == 1 ? members[0] : null;
        string? id = labelled ? (asLabel is null ? null : PlanNames.Property(asLabel)) : member?.Name;
        var isPlain = Lambdas.Member(body, lambda.Parameter, model, cancellationToken) is not null;

        var type = model.GetTypeInfo(body, cancellationToken).Type;
        var (kind, levelType) = Classify(type);
        return new VariableStep(id, kind, levelType, member, isPlain, members.Count, perUnit, perUnitLocation, argument.GetLocation());
    }

    private static (ValueKind, ITypeSymbol?) Classify(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error) return (ValueKind.Unknown, null);
        var underlying = DslSymbols.Underlying(type);
        if (DslSymbols.IsCut(underlying)) return (ValueKind.Cut, null);
        if (DslSymbols.IsCategorical(underlying)) return (ValueKind.Categorical, underlying);
        return underlying.SpecialType switch
        {
            SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
                or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_SByte
                or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16 or SpecialType.System_Byte => (ValueKind.Continuous, null),
            _ => (ValueKind.Other, null),
        };
    }

    /// <summary><c>receiver.Name(argument)</c> when Name binds to Pnen.Dsl (or does not bind at all).</summary>
    private (ExpressionSyntax Receiver, ExpressionSyntax Argument)? DslCall(ExpressionSyntax body, string name)
    {
        if (body is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation) return null;
        if (access.Name.Identifier.ValueText != name || invocation.ArgumentList.Arguments.Count != 1) return null;
        var symbol = model.GetSymbolInfo(invocation, cancellationToken).Symbol;
        if (symbol is not null && !DslSymbols.IsDsl(symbol)) return null;
        return (access.Expression, invocation.ArgumentList.Arguments[0].Expression);
    }

    /// <summary>The distinct record properties read from the parameter, in order of appearance.</summary>
    private List<IPropertySymbol> Members(ExpressionSyntax body, IParameterSymbol parameter)
    {
        var found = new List<IPropertySymbol>();
        foreach (var access in body.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
        {
            if (Lambdas.Member(access, parameter, model, cancellationToken) is { } property && !found.Any(p => SymbolEqualityComparer.Default.Equals(p, property)))
            {
                found.Add(property);
            }
        }
        return found;
    }

    private static ExpressionSyntax StripCasts(ExpressionSyntax expression)
    {
        while (true)
        {
            expression = CallChain.Strip(expression);
            if (expression is CastExpressionSyntax cast) expression = cast.Expression;
            else return expression;
        }
    }
}
