namespace Pnen.Cli.Input;

/// <summary>
/// A categorical column's codes over the rows analysed, re-indexed to the levels that occur among
/// them: a level seen only in rows left out (a missing time, an incomplete row, a row DuckDB did not
/// count) is no group, arm or term. Shared by the row-level reads, <c>pnen ps</c> and the DuckDB Cox.
/// </summary>
internal static class PresentLevels
{
    /// <summary>Re-indexes <paramref name="codes"/> in place (−1 stays missing) and returns the
    /// levels that occur, in their original order.</summary>
    public static string[] Reindex(int[] codes, IReadOnlyList<string> levels)
    {
        var present = new bool[levels.Count];
        foreach (var code in codes)
        {
            if (code >= 0) present[code] = true;
        }
        var remap = new int[levels.Count];
        var kept = new List<string>();
        for (var l = 0; l < present.Length; l++)
        {
            remap[l] = present[l] ? kept.Count : -1;
            if (present[l]) kept.Add(levels[l]);
        }
        for (var i = 0; i < codes.Length; i++) codes[i] = codes[i] < 0 ? -1 : remap[codes[i]];
        return [.. kept];
    }
}
