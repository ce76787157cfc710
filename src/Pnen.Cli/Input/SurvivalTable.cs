using Pnen.Cli.CommandLine;
using Pnen.Data;

namespace Pnen.Cli.Input;

/// <summary>
/// The columns a survival command needs, read from a data file (CSV or any format Pnen reads): the outcome (time, event) and
/// others by name. Rows with a missing value in a column that must be complete are left out
/// and counted per column, never silently.
/// </summary>
internal sealed class SurvivalTable
{
    private SurvivalTable(LoadedTable table, string time, string @event, int[] rows, string? dropNote)
    {
        Table = table;
        TimeColumn = time;
        EventColumn = @event;
        Rows = rows;
        DropNote = dropNote;
    }

    public LoadedTable Table { get; }

    public string TimeColumn { get; }

    public string EventColumn { get; }

    /// <summary>Rows kept: complete in every column that had to be.</summary>
    public int[] Rows { get; }

    public int Dropped => Table.RowCount - Rows.Length;

    /// <summary>Why rows were left out, for the warnings; null when none were.</summary>
    public string? DropNote { get; }

    /// <param name="completeColumns">Columns besides time and event whose missing values drop the row.</param>
    /// <param name="input">How to open the file (the sheet of a workbook); by default as its extension says.</param>
    public static SurvivalTable Load(string path, string time, string @event, IEnumerable<ColumnRequest> others, IReadOnlyCollection<string> completeColumns, ReadOptions? input = null)
    {
        var requests = new List<ColumnRequest> { new(time, ColumnKind.NonNegative), new(@event, ColumnKind.Event) };
        foreach (var request in others)
        {
            if (request.Name == time || request.Name == @event)
            {
                throw new UsageException($"column '{request.Name}' cannot be both the {(request.Name == time ? "time" : "event")} and a grouping or covariate column");
            }
            requests.Add(request);
        }
        var table = TableReader.Read(path, requests, input ?? ReadOptions.Default);
        if (table.RowCount == 0) throw new DataException(new DataError(table.Source, null, null, null, "has a header but no data rows"));

        var mustBeComplete = new[] { time, @event }.Concat(completeColumns).Distinct().ToArray();
        var (rows, missingCounts) = CompleteRows(table, mustBeComplete.Select(c => table[c]).ToArray());
        var missingPerColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < mustBeComplete.Length; c++) missingPerColumn[mustBeComplete[c]] = missingCounts[c];

        if (rows.Length == 0) throw NothingLeft(table.Source, table.RowCount, missingPerColumn);
        var note = DropNoteFor(table.RowCount - rows.Length, missingPerColumn);
        return new SurvivalTable(table, time, @event, rows, note);
    }

    /// <summary>The rows complete in every column, and each column's missing count.</summary>
    private static (int[] Rows, int[] MissingCounts) CompleteRows(LoadedTable table, Column[] columns)
    {
        var (incomplete, missingCounts) = MissingCells.Scan(table, columns);
        if (incomplete is null)
        {
            var all = new int[table.RowCount];
            for (var r = 0; r < all.Length; r++) all[r] = r;
            return (all, missingCounts);
        }
        var rows = new int[incomplete.AsSpan().Count(false)];
        for (int r = 0, k = 0; r < incomplete.Length; r++)
        {
            if (!incomplete[r]) rows[k++] = r;
        }
        return (rows, missingCounts);
    }

    /// <summary>The error when every row has a missing value in a column the analysis needs.</summary>
    public static DataException NothingLeft(string source, long rowCount, IReadOnlyDictionary<string, int> missingPerColumn)
    {
        var worst = missingPerColumn.MaxBy(kv => kv.Value);
        return new DataException(new DataError(source, null, worst.Key, null,
            $"every one of the {rowCount} rows has a missing value in a column the analysis needs ({worst.Value} in this one)"));
    }

    /// <summary>Why rows were left out, per column in the order given; null when none were.</summary>
    public static string? DropNoteFor(long dropped, IEnumerable<KeyValuePair<string, int>> missingPerColumn)
    {
        if (dropped == 0) return null;
        var detail = string.Join(", ", missingPerColumn.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key}: {kv.Value}"));
        return $"{dropped} row{(dropped == 1 ? " was" : "s were")} left out for missing values ({detail})";
    }

    /// <summary>True when no row was left out: the kept rows are the file's rows, in order.</summary>
    public bool AllRows => Rows.Length == Table.RowCount;

    public double[] Time() => Numeric(TimeColumn);

    /// <summary>A numeric column over the kept rows; the column itself when every row is kept
    /// (callers only read it), so a million-row file is not copied again.</summary>
    public double[] Numeric(string column)
    {
        var values = Table.Get<NumericColumn>(column).Values;
        return AllRows ? values : Gather(values);
    }

    public bool[] Event()
    {
        var values = Table.Get<EventColumn>(EventColumn).Values;
        var events = new bool[Rows.Length];
        for (var i = 0; i < events.Length; i++) events[i] = values[Rows[i]] == 1;
        return events;
    }

    /// <summary>Codes of a categorical column over the kept rows, re-indexed to the levels that
    /// occur among them (a level seen only in dropped rows is not a group).</summary>
    public (int[] Codes, string[] Levels) Factor(string column)
    {
        var source = Table.Get<CategoricalColumn>(column);
        var codes = new int[Rows.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = source.Codes[Rows[i]];
        return (codes, PresentLevels.Reindex(codes, source.Levels));
    }

    private T[] Gather<T>(T[] values)
    {
        var result = new T[Rows.Length];
        for (var i = 0; i < result.Length; i++) result[i] = values[Rows[i]];
        return result;
    }

    public Column Column(string name) => Table[name];
}
