using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>A variable with its codes (categorical, -1 missing) or values (continuous, NaN
/// missing) computed once for a cohort's records.</summary>
internal sealed record EvaluatedCharacteristic<T>(CharacteristicSpec<T> Spec, int[]? Codes, double[]? Values, bool IsExposure = false)
{
    public static EvaluatedCharacteristic<T> Of(CharacteristicSpec<T> spec, T[] members, bool isExposure = false) => spec.Kind == CharacteristicKind.Categorical
        ? new EvaluatedCharacteristic<T>(spec, members.Select(spec.CodeOf).ToArray(), null, isExposure)
        : new EvaluatedCharacteristic<T>(spec, null, members.Select(spec.ValueOf).ToArray(), isExposure);

    public string Label => Spec.Label;

    public bool IsContinuous => Codes is null;

    public bool IsMissing(int row) => Codes is not null ? Codes[row] < 0 : double.IsNaN(Values![row]);

    /// <summary>Why it cannot be tested among <paramref name="rows"/> (a single level or value, or
    /// none at all), or null when it can.</summary>
    public Constancy? ConstantIn(IReadOnlyList<int> rows)
    {
        if (Codes is not null)
        {
            var present = rows.Select(r => Codes[r]).Where(c => c >= 0).Distinct().Take(2).ToArray();
            return present.Length switch
            {
                0 => new Constancy(ConstancyKind.NoValues, null),
                1 => new Constancy(ConstancyKind.OneLevel, Spec.Levels[present[0]]),
                _ => null,
            };
        }
        var values = rows.Select(r => Values![r]).Where(v => !double.IsNaN(v)).Distinct().Take(2).Count();
        return values switch
        {
            0 => new Constancy(ConstancyKind.NoValues, null),
            1 => new Constancy(ConstancyKind.OneValue, null),
            _ => null,
        };
    }

    /// <summary>The Cox covariate over <paramref name="rows"/>, named by the variable's id.</summary>
    public CoxCovariate ToCovariate(IReadOnlyList<int> rows) => Codes is not null
        ? new CategoricalCovariate(Spec.Id, rows.Select(r => Codes[r]).ToArray(), Spec.Levels, Spec.Reference)
        : new NumericCovariate(Spec.Id, ValuesAt(rows));

    /// <summary>A number's values over <paramref name="rows"/> (NaN where missing).</summary>
    public double[] ValuesAt(IReadOnlyList<int> rows) => rows.Select(r => Values![r]).ToArray();
}
