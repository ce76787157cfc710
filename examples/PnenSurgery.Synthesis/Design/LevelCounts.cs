namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// How many patients of each cell have each level of one variable: one count per cell for every
/// level. <see cref="Expand"/> lists a cell's values (in level order; the builder shuffles them).
/// </summary>
public sealed class LevelCounts<T>
{
    private readonly (T Level, int[] PerCell)[] _levels;

    public LevelCounts(string variable, params (T Level, int[] PerCell)[] levels)
    {
        Variable = variable;
        _levels = levels;
    }

    public string Variable { get; }

    public IReadOnlyList<(T Level, int[] PerCell)> Levels => _levels;

    /// <summary>Patients of <paramref name="cell"/> with each level, as many as counted.</summary>
    public T[] Expand(int cell)
    {
        var values = new List<T>();
        foreach (var (level, perCell) in _levels)
        {
            for (var i = 0; i < perCell[cell]; i++) values.Add(level);
        }
        return values.ToArray();
    }

    /// <summary>Throws unless every cell's counts add up to its size.</summary>
    public void Validate(IReadOnlyList<Cell> cells)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            var total = 0;
            foreach (var (_, perCell) in _levels)
            {
                if (perCell.Length != cells.Count)
                {
                    throw new InvalidOperationException($"{Variable}: {perCell.Length} counts for {cells.Count} cells");
                }
                total += perCell[c];
            }
            if (total != cells[c].Size)
            {
                throw new InvalidOperationException($"{Variable}: cell {cells[c].Name} counts add to {total}, not {cells[c].Size}");
            }
        }
    }
}
