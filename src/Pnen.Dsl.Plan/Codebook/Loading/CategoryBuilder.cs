using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>Text whose levels come from the data (a centre, a country): a <see cref="CategoricalColumn"/>
/// with levels in ordinal order, so codes do not depend on the order of the rows.
/// Each level is kept as one string, however many rows repeat it.</summary>
public sealed class CategoryBuilder : TextBuilder
{
    private readonly List<int> _codes = [];
    private readonly List<string> _levels = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CategoryBuilder(VariableDescriptor variable, CodebookReader reader) : base(variable, reader) =>
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    public override Column Build()
    {
        var order = Enumerable.Range(0, _levels.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(_levels[a], _levels[b]));
        var remap = new int[order.Length];
        for (var i = 0; i < order.Length; i++) remap[order[i]] = i;
        var codes = new int[_codes.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = _codes[i] < 0 ? -1 : remap[_codes[i]];
        return new CategoricalColumn(Variable.Name, codes, order.Select(i => _levels[i]).ToArray(), numericLevels: false);
    }

    private protected override string Add(ReadOnlySpan<char> value)
    {
        if (!_lookup.TryGetValue(value, out var code))
        {
            code = _levels.Count;
            var text = value.ToString();
            _levels.Add(text);
            _index[text] = code;
        }
        _codes.Add(code);
        return _levels[code];
    }

    private protected override void AddMissing() => _codes.Add(-1);
}
