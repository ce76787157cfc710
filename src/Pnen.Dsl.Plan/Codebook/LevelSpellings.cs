namespace Pnen.Dsl;

/// <summary>Finds a level from how a file spells it: its name, its label or one of its codes,
/// ignoring case and surrounding blanks. Looked up without allocating a string per field.</summary>
internal sealed class LevelSpellings
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly IReadOnlyList<LevelDescriptor> _levels;

    public LevelSpellings(IReadOnlyList<LevelDescriptor> levels)
    {
        _levels = levels;
        foreach (var level in levels)
        {
            // The generator reports spellings shared by two levels (PNEN013); first wins here.
            _codes.TryAdd(level.Name.Trim(), level.Index);
            _codes.TryAdd(level.Label.Trim(), level.Index);
            foreach (var code in level.Codes) _codes.TryAdd(code.Trim(), level.Index);
        }
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryFind(ReadOnlySpan<char> text, out int code) => _lookup.TryGetValue(text.Trim(), out code);

    public string Describe() => string.Join(", ", _levels.Select(Spell));

    private static string Spell(LevelDescriptor level)
    {
        var spellings = new List<string> { level.Name };
        if (!string.Equals(level.Label, level.Name, StringComparison.OrdinalIgnoreCase)) spellings.Add(level.Label);
        spellings.AddRange(level.Codes);
        return string.Join(" / ", spellings.Select(s => $"'{s}'"));
    }
}
