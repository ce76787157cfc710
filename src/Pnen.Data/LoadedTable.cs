namespace Pnen.Data;

/// <summary>The requested columns of one file, all of the same length.</summary>
public sealed class LoadedTable
{
    private readonly Dictionary<string, Column> _columns;

    public LoadedTable(string source, int rowCount, IEnumerable<Column> columns)
    {
        Source = source;
        RowCount = rowCount;
        _columns = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public string Source { get; }

    public int RowCount { get; }

    /// <summary>The columns' names, in the order they were requested.</summary>
    public IReadOnlyCollection<string> ColumnNames => _columns.Keys;

    public Column this[string name] => _columns[name];

    public T Get<T>(string name) where T : Column => (T)_columns[name];
}
