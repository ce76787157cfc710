using System.Collections.Immutable;

namespace Pnen.Stats.Hypothesis;

/// <summary>An immutable r × c table of non-negative counts with its margins.</summary>
public sealed class ContingencyTable
{
    private readonly int[] _cells; // row-major

    private ContingencyTable(int rows, int columns, int[] cells)
    {
        Rows = rows;
        Columns = columns;
        _cells = cells;
        var rowTotals = new int[rows];
        var columnTotals = new int[columns];
        long total = 0;
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            var count = cells[i * columns + j];
            rowTotals[i] += count;
            columnTotals[j] += count;
            total += count;
        }
        if (total > int.MaxValue) throw new ArgumentException("the table holds more than int.MaxValue observations");
        RowTotals = [.. rowTotals];
        ColumnTotals = [.. columnTotals];
        Total = (int)total;
    }

    public int Rows { get; }

    public int Columns { get; }

    public ImmutableArray<int> RowTotals { get; }

    public ImmutableArray<int> ColumnTotals { get; }

    public int Total { get; }

    public int this[int row, int column] => _cells[row * Columns + column];

    /// <summary>A table from a rows × columns array of counts.</summary>
    public static ContingencyTable From(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var cells = new int[rows * columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
        {
            var count = counts[i, j];
            if (count < 0) throw new ArgumentException($"count [{i}, {j}] is negative ({count})", nameof(counts));
            cells[i * columns + j] = count;
        }
        return new ContingencyTable(rows, columns, cells);
    }

    /// <summary>
    /// Cross-tabulates two coded variables (codes 0..levels-1; a negative code is missing and the
    /// pair is left out).
    /// </summary>
    public static ContingencyTable CrossTabulate(ReadOnlySpan<int> rowCodes, int rowLevels, ReadOnlySpan<int> columnCodes, int columnLevels)
    {
        if (rowCodes.Length != columnCodes.Length)
            throw new ArgumentException($"the two variables differ in length ({rowCodes.Length} and {columnCodes.Length})");
        if (rowLevels < 0 || columnLevels < 0) throw new ArgumentOutOfRangeException(nameof(rowLevels), "level counts cannot be negative");
        var cells = new int[rowLevels * columnLevels];
        for (var k = 0; k < rowCodes.Length; k++)
        {
            int r = rowCodes[k], c = columnCodes[k];
            if (r < 0 || c < 0) continue;
            if (r >= rowLevels) throw new ArgumentOutOfRangeException(nameof(rowCodes), r, $"code at position {k} exceeds the {rowLevels} levels");
            if (c >= columnLevels) throw new ArgumentOutOfRangeException(nameof(columnCodes), c, $"code at position {k} exceeds the {columnLevels} levels");
            cells[r * columnLevels + c]++;
        }
        return new ContingencyTable(rowLevels, columnLevels, cells);
    }

    /// <summary>Indices of the rows whose total is zero.</summary>
    public ImmutableArray<int> EmptyRows => [.. Enumerable.Range(0, Rows).Where(i => RowTotals[i] == 0)];

    /// <summary>Indices of the columns whose total is zero.</summary>
    public ImmutableArray<int> EmptyColumns => [.. Enumerable.Range(0, Columns).Where(j => ColumnTotals[j] == 0)];

    /// <summary>The same table without its all-zero rows and columns.</summary>
    public ContingencyTable WithoutEmptyMargins()
    {
        var keepRows = Enumerable.Range(0, Rows).Where(i => RowTotals[i] > 0).ToArray();
        var keepColumns = Enumerable.Range(0, Columns).Where(j => ColumnTotals[j] > 0).ToArray();
        if (keepRows.Length == Rows && keepColumns.Length == Columns) return this;
        var cells = new int[keepRows.Length * keepColumns.Length];
        for (var i = 0; i < keepRows.Length; i++)
        for (var j = 0; j < keepColumns.Length; j++)
            cells[i * keepColumns.Length + j] = this[keepRows[i], keepColumns[j]];
        return new ContingencyTable(keepRows.Length, keepColumns.Length, cells);
    }

    /// <summary>The transposed table.</summary>
    public ContingencyTable Transpose()
    {
        var cells = new int[Rows * Columns];
        for (var i = 0; i < Rows; i++)
        for (var j = 0; j < Columns; j++)
            cells[j * Rows + i] = this[i, j];
        return new ContingencyTable(Columns, Rows, cells);
    }

    /// <summary>Expected count of a cell under independence: row total × column total / total.</summary>
    public double Expected(int row, int column) => (double)RowTotals[row] * ColumnTotals[column] / Total;

    /// <summary>The smallest expected count; undefined (throws) for an empty table.</summary>
    public double MinimumExpected()
    {
        if (Total == 0) throw new InvalidOperationException("an empty table has no expected counts");
        var min = double.PositiveInfinity;
        for (var i = 0; i < Rows; i++)
        for (var j = 0; j < Columns; j++)
            min = Math.Min(min, Expected(i, j));
        return min;
    }
}
