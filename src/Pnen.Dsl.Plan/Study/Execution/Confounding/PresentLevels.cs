namespace Pnen.Dsl.Execution;

/// <summary>
/// The exposure levels that occur among an analysis's records, numbered compactly for the engine (whose
/// propensity and standardisation models need every level they are given to occur), with the way back to
/// the plan's level order. A subgroup can lack an arm; its level is then left out and said in a note.
/// </summary>
internal sealed class PresentLevels
{
    private readonly int[] _compact;

    private PresentLevels(int[] present, int[] compact, int reference, IReadOnlyList<string> levels)
    {
        Present = present;
        _compact = compact;
        Reference = reference;
        Labels = present.Select(l => levels[l]).ToArray();
        Absent = levels.Where((_, l) => compact[l] < 0).ToArray();
    }

    /// <summary>The plan's indices of the levels that occur, in level order.</summary>
    public int[] Present { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The labels of the levels that do not occur.</summary>
    public IReadOnlyList<string> Absent { get; }

    /// <summary>The reference's compact index, or -1 when it does not occur.</summary>
    public int Reference { get; }

    /// <summary>A plan level's compact index, or -1 when it does not occur.</summary>
    public int Compact(int level) => level >= 0 && level < _compact.Length ? _compact[level] : -1;

    /// <param name="codes">The plan's level codes of the analysed records (none missing).</param>
    public static PresentLevels Of(IReadOnlyList<int> codes, IReadOnlyList<string> levels, int reference)
    {
        var seen = new bool[levels.Count];
        foreach (var code in codes) seen[code] = true;
        var compact = new int[levels.Count];
        var present = new List<int>();
        for (var l = 0; l < levels.Count; l++)
        {
            compact[l] = seen[l] ? present.Count : -1;
            if (seen[l]) present.Add(l);
        }
        return new PresentLevels([.. present], compact, compact[reference], levels);
    }

    /// <summary>Why the levels that occur cannot be compared, or null when they can.</summary>
    public string? Unusable(IReadOnlyList<string> levels, int reference) =>
        Present.Length == 0 ? "no record has every value it needs"
        : Present.Length < 2 ? $"every analysed record has the level {Labels[0]}"
        : Reference < 0 ? $"no analysed record has the reference level {levels[reference]}"
        : null;
}
