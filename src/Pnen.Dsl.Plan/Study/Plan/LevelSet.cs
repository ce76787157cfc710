namespace Pnen.Dsl;

/// <summary>
/// The levels of an enum or boolean type in order, with their labels and a lookup from value to
/// code. Enum labels and order come from the codebook ([Label] on members) when the enum belongs to it.
/// </summary>
internal sealed class LevelSet
{
    private readonly Dictionary<object, int> _codes = [];

    private LevelSet(object[] values, string[] labels)
    {
        Values = values;
        Labels = labels;
        for (var i = 0; i < values.Length; i++) _codes[values[i]] = i;
    }

    public object[] Values { get; }

    public string[] Labels { get; }

    public int CodeOf(object? value) => value is not null && _codes.TryGetValue(value, out var code) ? code : -1;

    /// <summary>Null when <paramref name="type"/> (without Nullable) is neither an enum nor a boolean.</summary>
    public static LevelSet? TryCreate(Type type, IReadOnlyList<VariableDescriptor> codebook, VariableDescriptor? variable)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool))
        {
            var labels = variable is { Levels.Count: 2 } ? variable.Levels.Select(l => l.Label).ToArray() : ["No", "Yes"];
            return new LevelSet([false, true], labels);
        }
        if (!type.IsEnum) return null;

        var values = Enum.GetValues(type).Cast<object>().ToArray();
        var names = values.Select(v => v.ToString()!).ToArray();
        var source = variable is { Type: VariableType.Enum } ? variable : codebook.FirstOrDefault(v => v.Type == VariableType.Enum && SameNames(v, names));
        if (source is null) return new LevelSet(values, names);

        // Declaration order and labels from the codebook.
        var ordered = source.Levels.Select(l => values[Array.IndexOf(names, l.Name)]).ToArray();
        return new LevelSet(ordered, source.Levels.Select(l => l.Label).ToArray());
    }

    private static bool SameNames(VariableDescriptor variable, string[] names) =>
        variable.Levels.Count == names.Length && variable.Levels.All(l => names.Contains(l.Name));
}
