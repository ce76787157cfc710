using Pnen.Data;

namespace Pnen.Cli.Input;

/// <summary>
/// Which rows of a loaded table have a missing value in any of some columns, and how many each
/// column has: a column at a time through its own array (a vectorised search finds most columns
/// complete at once), and the common case, nothing missing, costs no per-row array.
/// </summary>
internal static class MissingCells
{
    /// <returns>Per row, whether any of the columns is missing there (null when none is), and each
    /// column's count of missing values.</returns>
    public static (bool[]? Incomplete, int[] MissingCounts) Scan(LoadedTable table, IReadOnlyList<Column> columns)
    {
        var missingCounts = new int[columns.Count];
        bool[]? incomplete = null;
        for (var c = 0; c < columns.Count; c++)
        {
            if (!HasMissing(columns[c])) continue;
            incomplete ??= new bool[table.RowCount];
            for (var r = 0; r < table.RowCount; r++)
            {
                if (!columns[c].IsMissing(r)) continue;
                missingCounts[c]++;
                incomplete[r] = true;
            }
        }
        return (incomplete, missingCounts);
    }

    private static bool HasMissing(Column column) => column switch
    {
        NumericColumn numeric => HasNaN(numeric.Values),
        EventColumn events => events.Values.AsSpan().Contains((sbyte)-1),
        CategoricalColumn categorical => categorical.Codes.AsSpan().Contains(-1),
        _ => true,
    };

    private static bool HasNaN(double[] values)
    {
        foreach (var value in values)
        {
            if (double.IsNaN(value)) return true;
        }
        return false;
    }
}
