namespace Pnen.Dsl;

/// <summary>
/// A loaded file: the typed records, for the plan's lambdas, and the same data by column, for the
/// statistics. Both views always hold the same rows in the same order.
/// </summary>
public sealed class CodebookData<T>
{
    private readonly T[] _rows;

    public CodebookData(string source, T[] rows, CodebookColumns columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (rows.Length != columns.RowCount) throw new ArgumentException($"{rows.Length} records but {columns.RowCount} rows in the columns.", nameof(columns));
        Source = source;
        _rows = rows;
        Columns = columns;
    }

    /// <summary>The name of the input, as errors and reports give it.</summary>
    public string Source { get; }

    public IReadOnlyList<T> Rows => _rows;

    public CodebookColumns Columns { get; }

    public int Count => _rows.Length;

    public CodebookSchema Schema => Columns.Schema;

    /// <summary>The rows for which <paramref name="keep"/> holds, in order, in both views.</summary>
    public CodebookData<T> Where(Func<T, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = new List<int>(_rows.Length);
        for (var i = 0; i < _rows.Length; i++)
        {
            if (keep(_rows[i])) kept.Add(i);
        }
        return Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
    }

    /// <summary>The given rows (0-based positions, in the order given), in both views.</summary>
    public CodebookData<T> Subset(ReadOnlySpan<int> rows)
    {
        var subset = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) subset[i] = _rows[rows[i]];
        return new CodebookData<T>(Source, subset, Columns.Subset(rows));
    }
}
