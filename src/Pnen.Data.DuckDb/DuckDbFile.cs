using System.Globalization;
using DuckDB.NET.Data;

namespace Pnen.Data.DuckDb;

/// <summary>
/// A Parquet or CSV file opened in an embedded, in-memory DuckDB, never loaded: DuckDB scans it
/// for each query, only the columns a query names (projection), in parallel and within its memory
/// limit. CSV files are read as text (the header by <see cref="CsvSource"/>, so a missing or
/// duplicated column gives the in-memory reader's error) and their values parsed in SQL under
/// Pnen's rules (see <see cref="ColumnSql"/>); Parquet columns keep their types. The view
/// <c>pnen_file</c> has the file's columns as <c>c0</c>, <c>c1</c>, ... in file order.
/// </summary>
public sealed class DuckDbFile : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly string[] _types;

    private DuckDbFile(DuckDBConnection connection, string displayName, DataFormat format, string[] columns, string[] types, string rowSource)
    {
        _connection = connection;
        DisplayName = displayName;
        Format = format;
        Columns = columns;
        _types = types;
        RowSource = rowSource;
    }

    /// <summary>The path as the user gave it, for errors.</summary>
    public string DisplayName { get; }

    public DataFormat Format { get; }

    /// <summary>The file's column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>A SQL relation with the file's 1-based data row as <c>pnen_row</c> beside c0, c1, ...:
    /// read in file order (single-threaded for CSV), so it is only used to name the rows of bad values.</summary>
    internal string RowSource { get; }

    /// <summary>Opens <paramref name="path"/> (.parquet, .csv or .tsv) in a new embedded DuckDB.</summary>
    public static DuckDbFile Open(string path, DuckDbOptions? options = null)
    {
        options ??= DuckDbOptions.Default;
        var format = DataFormats.FromPath(path);
        if (Directory.Exists(path)) throw new DataException(new DataError(path, null, null, null, "is a folder, not a data file"));
        if (!File.Exists(path)) throw new DataException(new DataError(path, null, null, null, "file not found"));
        if (format is not (DataFormat.Csv or DataFormat.Parquet))
        {
            throw new DataException(new DataError(path, null, null, null, "the DuckDB engine reads Parquet and CSV files only (.parquet, .csv, .tsv): use the memory engine for this file"));
        }

        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            Execute(connection, $"SET threads = {Math.Max(1, options.Threads).ToString(CultureInfo.InvariantCulture)}");
            Execute(connection, $"SET temp_directory = {Literal(options.TempDirectory)}");
            if (options.MemoryLimit is not null) Execute(connection, $"SET memory_limit = {Literal(options.MemoryLimit)}");
            return format == DataFormat.Parquet ? OpenParquet(connection, path) : OpenCsv(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static DuckDbFile OpenCsv(DuckDBConnection connection, string path)
    {
        string[] columns;
        using (var header = CsvSource.Open(path)) columns = header.Columns.ToArray();
        var delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : ",";
        var spec = string.Join(", ", columns.Select((_, i) => $"'c{i}': 'VARCHAR'"));
        string Scan(bool parallel) =>
            $"read_csv({Literal(path)}, header = false, skip = 1, delim = {Literal(delimiter)}, quote = '\"', escape = '\"', " +
            $"auto_detect = false, columns = {{{spec}}}, parallel = {(parallel ? "true" : "false")})";
        Execute(connection, $"CREATE VIEW pnen_file AS SELECT * FROM {Scan(true)}");
        var rowSource = $"(SELECT row_number() OVER () AS pnen_row, * FROM {Scan(false)}) AS numbered";
        return new DuckDbFile(connection, path, DataFormat.Csv, columns, columns.Select(_ => "VARCHAR").ToArray(), rowSource);
    }

    private static DuckDbFile OpenParquet(DuckDBConnection connection, string path)
    {
        var columns = new List<string>();
        var types = new List<string>();
        try
        {
            using var describe = connection.CreateCommand();
            describe.CommandText = $"DESCRIBE SELECT * FROM read_parquet({Literal(path)})";
            using var reader = describe.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }
        }
        catch (DuckDBException e)
        {
            throw new DataException(new DataError(path, null, null, null, $"cannot be read as Parquet ({FirstLine(e.Message)})"));
        }
        var select = string.Join(", ", columns.Select((c, i) => $"{Identifier(c)} AS c{i}"));
        Execute(connection, $"CREATE VIEW pnen_file AS SELECT {select} FROM read_parquet({Literal(path)})");
        var rowSource = $"(SELECT file_row_number + 1 AS pnen_row, {select} FROM read_parquet({Literal(path)}, file_row_number = true)) AS numbered";
        return new DuckDbFile(connection, path, DataFormat.Parquet, columns.ToArray(), types.ToArray(), rowSource);
    }

    /// <summary>The position of a column, or the in-memory reader's error naming the columns there are.</summary>
    public int Ordinal(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column) return i;
        }
        var known = string.Join(", ", Columns.Select(c => $"'{c}'"));
        throw new DataException(new DataError(DisplayName, null, column, null,
            $"no such column{ColumnHints.DidYouMean(column, Columns)} (the file has {known}){ColumnHints.RowNames(Columns, Format)}"));
    }

    /// <summary>How the SQL of a column reads it (text from a CSV file, or the Parquet type).</summary>
    internal ColumnSql Column(string name)
    {
        var ordinal = Ordinal(name);
        return new ColumnSql(name, $"c{ordinal.ToString(CultureInfo.InvariantCulture)}", _types[ordinal]);
    }

    internal DuckDBConnection Connection => _connection;

    internal void Execute(string sql) => Guard(() =>
    {
        Execute(_connection, sql);
        return 0;
    });

    /// <summary>Runs <paramref name="action"/>, DuckDB's own errors made data errors naming the file.</summary>
    internal T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DuckDBException e)
        {
            throw new DataException(new DataError(DisplayName, null, null, null, $"cannot be read: {FirstLine(e.Message)}"));
        }
    }

    /// <summary>Runs a query; DuckDB's own errors (a malformed CSV line, an unreadable file) become
    /// a data error naming the file, without a row where DuckDB gives only a line.</summary>
    internal T Query<T>(string sql, Func<DuckDBDataReader, T> read) => Guard(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return read(reader);
    });

    /// <summary>Each row of a query, read by <paramref name="read"/>.</summary>
    internal List<T> Rows<T>(string sql, Func<DuckDBDataReader, T> read) => Query(sql, reader =>
    {
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    });

    public void Dispose() => _connection.Dispose();

    internal static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? message.Trim() : line;
    }
}
