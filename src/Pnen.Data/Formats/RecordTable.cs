namespace Pnen.Data.Formats;

/// <summary>
/// A whole file read into columns (SPSS, Stata, Excel, Parquet): checked completely before anyone
/// sees a row, so a bad file is refused whole, never half-read.
/// </summary>
internal sealed class RecordTable
{
    /// <param name="rowNumbers">The row number to report for each record (Excel counts the blank rows it
    /// skips, as CSV counts blank lines); null when record i is row i + 1.</param>
    public RecordTable(string file, IReadOnlyList<CellColumn> columns, int rowCount, long[]? rowNumbers = null)
    {
        if (columns.Any(c => c.Length != rowCount)) throw new ArgumentException("Every column needs one value per row.", nameof(columns));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!seen.Add(column.Info.Name))
            {
                throw new DataException(new DataError(file, null, column.Info.Name, null, "the column name appears more than once"));
            }
        }
        Columns = columns;
        RowCount = rowCount;
        _rowNumbers = rowNumbers;
    }

    private readonly long[]? _rowNumbers;

    public IReadOnlyList<CellColumn> Columns { get; }

    public int RowCount { get; }

    public long RowNumber(int record) => _rowNumbers is null ? record + 1L : _rowNumbers[record];
}
