using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Parsing;

/// <summary>Finds a call's argument for a parameter (named or by position) and reads constants.</summary>
internal static class Arguments
{
    /// <param name="position">The parameter's position when the method did not bind (Pnen.Dsl's signatures are known).</param>
    public static ArgumentSyntax? Find(Call call, string parameter, int position)
    {
        var arguments = call.Syntax.ArgumentList.Arguments;
        foreach (var argument in arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameter) return argument;
        }
        if (call.Method is { } method)
        {
            position = -1;
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                if (method.Parameters[i].Name == parameter) position = i;
            }
        }
        if (position < 0 || position >= arguments.Count) return null;
        // A named argument at this position names another parameter (C# allows it in place).
        return arguments[position].NameColon is null ? arguments[position] : null;
    }

    public static ExpressionSyntax? Expression(Call call, string parameter, int position) => Find(call, parameter, position)?.Expression;

    /// <summary>The constant string of <paramref name="expression"/>, or null when it is not one.</summary>
    public static string? String(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string text } ? text : null;

    /// <summary>A name the plan gives: its constant text (null if not constant) and where it is written.</summary>
    public static NamedStep? Named(Call call, string parameter, int position, SemanticModel model, CancellationToken cancellationToken) =>
        Expression(call, parameter, position) is { } expression
            ? new NamedStep(String(expression, model, cancellationToken), expression.GetLocation())
            : null;

    /// <summary>A constant number as a double (thresholds are written 65, 40.5, 1e3 ...).</summary>
    public static double? Number(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = model.GetConstantValue(expression, cancellationToken);
        if (!constant.HasValue) return null;
        return constant.Value switch
        {
            double d => d,
            float f => f,
            int or long or short or sbyte or byte or ushort or uint or ulong or decimal => Convert.ToDouble(constant.Value, CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>The arguments a <c>params</c> parameter receives, from <paramref name="position"/> on: each
    /// argument, or the elements of one array or collection written in place.</summary>
    public static ExpressionSyntax[] Params(Call call, string parameter, int position)
    {
        var arguments = call.Syntax.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
        var written = named is not null
            ? new[] { named.Expression }
            : arguments.Skip(position).Where(a => a.NameColon is null).Select(a => a.Expression).ToArray();
        if (written.Length == 1)
        {
            switch (written[0])
            {
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return initializer.Expressions.ToArray();
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.Initializer.Expressions.ToArray();
                case CollectionExpressionSyntax collection:
                    return collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToArray();
            }
        }
        return written;
    }
}
