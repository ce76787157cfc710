using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>A characteristic with its codes (categorical, -1 missing) or values (continuous, NaN
/// missing) computed once for a cohort's records.</summary>
internal sealed record EvaluatedCharacteristic<T>(CharacteristicSpec<T> Spec, int[]? Codes, double[]? Values, bool IsExposure = false)
{
    public static EvaluatedCharacteristic<T> Of(CharacteristicSpec<T> spec, T[] members) => spec.Kind == CharacteristicKind.Categorical
        ? new EvaluatedCharacteristic<T>(spec, members.Select(spec.CodeOf).ToArray(), null)
        : new EvaluatedCharacteristic<T>(spec, null, members.Select(spec.ValueOf).ToArray());

    public string Label => Spec.Label;

    public bool IsContinuous => Codes is null;

    /// <summary>Why it cannot be tested among <paramref name="rows"/> (a single level or value, or
    /// none at all), or null when it can.</summary>
    public string? ConstantReason(IReadOnlyList<int> rows)
    {
        if (Codes is not null)
        {
            var present = rows.Select(r => Codes[r]).Where(c => c >= 0).Distinct().ToArray();
            return present.Length switch
            {
                0 => "no record has a value",
                1 => $"constant (every record is {Spec.Levels[present[0]]})",
                _ => null,
            };
        }
        var values = rows.Select(r => Values![r]).Where(v => !double.IsNaN(v)).Distinct().Count();
        return values switch
        {
            0 => "no record has a value",
            1 => "constant (every record has the same value)",
            _ => null,
        };
    }

    public CoxCovariate ToCovariate(IReadOnlyList<int> rows) => Codes is not null
        ? new CategoricalCovariate(Spec.Label, rows.Select(r => Codes[r]).ToArray(), Spec.Levels, Spec.Reference)
        : new NumericCovariate(Spec.Label, rows.Select(r => Values![r]).ToArray());
}
