using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>Builds <see cref="CharacteristicSpec{T}"/>s from the typed lambdas of a plan's characteristics and effects.</summary>
internal static class Characteristics<T> where T : ICodebook<T>
{
    public static CharacteristicSpec<T> FromEnum<TEnum>(LambdaExpression lambda, TEnum? reference, string? label, string? name)
        where TEnum : struct, Enum =>
        VariableReader<T>.Read(lambda, label, reference, name).Variable;

    public static CharacteristicSpec<T> FromBoolean(LambdaExpression lambda, bool referenceIsYes, string? label, string? name) =>
        VariableReader<T>.Read(lambda, label, referenceIsYes, name).Variable;

    public static CharacteristicSpec<T> FromCut(LambdaExpression lambda, string? label, string? reference, string? name)
    {
        var variable = VariableReader<T>.Read(lambda, label, null, name).Variable;
        if (reference is not null)
        {
            var index = variable.Levels.ToList().IndexOf(reference);
            if (index < 0) throw new ArgumentException($"The reference '{reference}' is not one of the cut's levels ({string.Join(", ", variable.Levels)}).", nameof(reference));
            variable = variable with { Reference = index };
        }
        return variable;
    }

    public static CharacteristicSpec<T> FromNumber(LambdaExpression lambda, string? label, string? name) =>
        VariableReader<T>.Read(lambda, label, null, name).Variable;
}
