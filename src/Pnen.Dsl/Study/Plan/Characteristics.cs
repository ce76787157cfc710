using System.Globalization;
using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>Builds <see cref="CharacteristicSpec{T}"/>s from the lambdas a plan is written with.</summary>
internal static class Characteristics<T> where T : ICodebook<T>
{
    public static readonly string[] NoYes = ["No", "Yes"];

    public static CharacteristicSpec<T> FromEnum<TEnum>(LambdaExpression lambda, Func<T, TEnum?> read, TEnum? reference, string? label)
        where TEnum : struct, Enum
    {
        var variable = ExpressionReader.Variable<T>(lambda);
        var levels = LevelSet<TEnum>.TryCreate(T.Schema.Variables, variable)!;
        var referenceIndex = 0;
        if (reference is { } r)
        {
            referenceIndex = levels.CodeOf(r);
            if (referenceIndex < 0) throw new ArgumentException($"The reference {r} is not a level of {typeof(TEnum).Name}.", nameof(reference));
        }
        return new CharacteristicSpec<T>
        {
            Label = label ?? variable?.Label ?? ExpressionReader.MemberName(lambda) ?? typeof(TEnum).Name,
            Kind = CharacteristicKind.Categorical,
            Levels = levels.Labels,
            Reference = referenceIndex,
            Code = record => read(record) is { } value ? levels.CodeOf(value) : -1,
            Source = variable,
        };
    }

    public static CharacteristicSpec<T> FromBoolean(LambdaExpression lambda, Func<T, bool?> read, bool reference, string? label)
    {
        var variable = ExpressionReader.Variable<T>(lambda);
        return new CharacteristicSpec<T>
        {
            Label = label ?? variable?.Label ?? ExpressionReader.MemberName(lambda) ?? "Yes/No",
            Kind = CharacteristicKind.Categorical,
            Levels = variable is { Levels.Count: 2 } ? variable.Levels.Select(l => l.Label).ToArray() : NoYes,
            Reference = reference ? 1 : 0,
            Code = record => read(record) switch { true => 1, false => 0, null => -1 },
            Source = variable,
        };
    }

    public static CharacteristicSpec<T> FromCut(Expression<Func<T, Cut>> lambda, string? label, string? reference)
    {
        if (!ExpressionReader.TryReadCut(lambda, out var value, out var template, out var member))
        {
            throw new ArgumentException(
                $"A cut is written p => p.Property.Below(threshold, \"label below\", \"label above\") or .AtMost(...), with a constant threshold and labels; '{lambda}' is not.",
                nameof(lambda));
        }
        string[] levels = [template.LowerLabel, template.UpperLabel];
        VariableDescriptor? variable = member is not null && T.Schema.TryGet(member, out var found) ? found : null;
        var derivation = string.Create(CultureInfo.InvariantCulture,
            $"{variable?.Label ?? member ?? "value"} {(template.ThresholdInLowerLevel ? "≤" : "<")} {template.Threshold} vs {(template.ThresholdInLowerLevel ? ">" : "≥")} {template.Threshold}");
        int code(T record) => (template with { Value = value(record) }).Code;
        var referenceIndex = reference is null ? 0 : Array.IndexOf(levels, reference);
        if (referenceIndex < 0) throw new ArgumentException($"The reference '{reference}' is not one of the cut's levels ({string.Join(", ", levels)}).", nameof(reference));
        return new CharacteristicSpec<T>
        {
            Label = label ?? variable?.Label ?? "Cut",
            Kind = CharacteristicKind.Categorical,
            Levels = levels,
            Reference = referenceIndex,
            Code = code,
            Source = variable,
            Unit = variable?.Unit,
            Derivation = derivation,
        };
    }

    public static CharacteristicSpec<T> FromNumber(Expression<Func<T, double?>> lambda, string? label)
    {
        var variable = ExpressionReader.Variable<T>(lambda);
        var read = lambda.Compile();
        return new CharacteristicSpec<T>
        {
            Label = label ?? variable?.Label ?? ExpressionReader.MemberName(lambda) ?? "Value",
            Kind = CharacteristicKind.Continuous,
            Value = record => read(record) ?? double.NaN,
            Source = variable,
            Unit = variable?.Unit,
        };
    }
}
