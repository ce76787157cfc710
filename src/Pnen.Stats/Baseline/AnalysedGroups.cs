namespace Pnen.Stats.Baseline;

/// <summary>The grouping as the rows analysed by every variable: rows whose group is known.</summary>
internal sealed class AnalysedGroups
{
    private AnalysedGroups(string name, int[] codes, string[] labels, int[] sizes, int excluded)
    {
        Name = name;
        Codes = codes;
        Labels = labels;
        Sizes = sizes;
        Excluded = excluded;
    }

    public string Name { get; }

    /// <summary>Group of each row, −1 when missing (such rows are left out everywhere).</summary>
    public int[] Codes { get; }

    public string[] Labels { get; }

    /// <summary>Analysed rows per group.</summary>
    public int[] Sizes { get; }

    /// <summary>Rows left out because their group is missing.</summary>
    public int Excluded { get; }

    public int Count => Labels.Length;

    public int RowCount => Codes.Length;

    public static AnalysedGroups From(BaselineGrouping by)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(by.Name);
        ArgumentNullException.ThrowIfNull(by.Levels);
        var labels = by.Levels.ToArray();
        var codes = by.Codes.ToArray();
        var sizes = new int[labels.Length];
        var excluded = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            var c = codes[i];
            if (c == -1) excluded++;
            else if (c < -1 || c >= labels.Length)
                throw new ArgumentOutOfRangeException(nameof(by), c, $"{by.Name}: code at row {i} is outside -1..{labels.Length - 1}");
            else sizes[c]++;
        }
        return new AnalysedGroups(by.Name, codes, labels, sizes, excluded);
    }

    /// <summary>The grouping known only by its sizes (aggregated data): no row codes.</summary>
    public static AnalysedGroups FromSizes(string name, IReadOnlyList<string> labels, IReadOnlyList<int> sizes, int excluded)
    {
        if (labels.Count != sizes.Count) throw new ArgumentException("one size per group is needed", nameof(sizes));
        return new AnalysedGroups(name, [], labels.ToArray(), sizes.ToArray(), excluded);
    }

    /// <summary>Throws when a variable does not cover the same rows.</summary>
    public void CheckLength(BaselineVariable variable)
    {
        if (variable.Length != RowCount)
            throw new ArgumentException($"{variable.Name} has {variable.Length} rows, {Name} has {RowCount}");
    }

    public string Quote(IEnumerable<int> groups) => string.Join(", ", groups.Select(g => $"'{Labels[g]}'"));
}
