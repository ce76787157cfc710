namespace Pnen.Dsl;

/// <summary>
/// The levels of an enum or boolean value in order, with their labels and a lookup from value to
/// code. Enum labels come from the codebook ([Label] on members) when the enum belongs to it.
/// </summary>
internal sealed class LevelSet<TValue> where TValue : notnull
{
    private readonly Dictionary<TValue, int> _codes;

    private LevelSet(TValue[] values, string[] labels)
    {
        Values = values;
        Labels = labels;
        _codes = new Dictionary<TValue, int>();
        for (var i = 0; i < values.Length; i++) _codes[values[i]] = i;
    }

    public TValue[] Values { get; }

    public string[] Labels { get; }

    public int CodeOf(TValue value) => _codes.TryGetValue(value, out var code) ? code : -1;

    /// <summary>Null when <typeparamref name="TValue"/> is neither an enum nor a boolean.</summary>
    public static LevelSet<TValue>? TryCreate(IReadOnlyList<VariableDescriptor> codebook, VariableDescriptor? variable)
    {
        if (typeof(TValue) == typeof(bool))
        {
            var labels = variable is { Levels.Count: 2 } ? variable.Levels.Select(l => l.Label).ToArray() : ["No", "Yes"];
            return new LevelSet<TValue>([(TValue)(object)false, (TValue)(object)true], labels);
        }
        if (!typeof(TValue).IsEnum) return null;

        var values = Enum.GetValues(typeof(TValue)).Cast<TValue>().ToArray();
        var names = values.Select(v => v.ToString()!).ToArray();
        var source = variable is { Type: VariableType.Enum } ? variable : codebook.FirstOrDefault(v => v.Type == VariableType.Enum && SameNames(v, names));
        if (source is null) return new LevelSet<TValue>(values, names);

        // Declaration order and labels from the codebook.
        var ordered = source.Levels.Select(l => values[Array.IndexOf(names, l.Name)]).ToArray();
        return new LevelSet<TValue>(ordered, source.Levels.Select(l => l.Label).ToArray());
    }

    private static bool SameNames(VariableDescriptor variable, string[] names) =>
        variable.Levels.Count == names.Length && variable.Levels.All(l => names.Contains(l.Name));
}
