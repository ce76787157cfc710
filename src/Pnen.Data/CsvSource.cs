using System.Text;
using Pnen.Data.Formats;
using Sylvan.Data.Csv;

namespace Pnen.Data;

/// <summary>
/// A data file opened strictly, one record at a time, whatever its format (<see cref="DataFormat"/>,
/// by extension). Delimited text: UTF-8 (a BOM is fine), a header row with unique names, every
/// record as wide as the header. SPSS, Stata, Excel and Parquet files are read whole and checked
/// first, then handed out as the text the equivalent CSV file would hold (a labelled value as its
/// label, a missing value empty, a date yyyy-MM-dd), so every reader of this class treats them
/// alike. Problems become <see cref="DataException"/>s that name the file, row, column and value;
/// nothing here throws a parser's own exception at a user.
/// </summary>
public sealed class CsvSource : IDisposable
{
    // Large enough for a single field of several megabytes; beyond it a record is refused
    // with a clear error instead of exhausting memory.
    private const int MaxRecordChars = 1 << 27;

    private readonly CsvDataReader? _reader;
    private readonly RecordTable? _table;
    private readonly char[][] _scratch = [];
    private readonly char[][] _codeScratch = [];
    private readonly Dictionary<string, int> _ordinals;
    private int _record = -1;

    private CsvSource(string path, string displayName, CsvDataReader reader, IReadOnlyList<string> columns)
    {
        Path = path;
        DisplayName = displayName;
        _reader = reader;
        Columns = columns;
        Format = DataFormat.Csv;
        ColumnMetadata = columns.Select(c => new SourceColumn(c)).ToArray();
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++) _ordinals[columns[i]] = i;
    }

    private CsvSource(string path, string displayName, DataFormat format, RecordTable table)
    {
        Path = path;
        DisplayName = displayName;
        _table = table;
        Format = format;
        Columns = table.Columns.Select(c => c.Info.Name).ToArray();
        ColumnMetadata = table.Columns.Select(c => c.Info).ToArray();
        _scratch = table.Columns.Select(_ => new char[CellColumn.ScratchLength]).ToArray();
        _codeScratch = table.Columns.Select(_ => new char[CellColumn.ScratchLength]).ToArray();
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++) _ordinals[Columns[i]] = i;
    }

    /// <summary>The file's format, chosen by its extension.</summary>
    public DataFormat Format { get; }

    /// <summary>What the file says about each column (variable and value labels of SPSS and Stata files), in column order.</summary>
    public IReadOnlyList<SourceColumn> ColumnMetadata { get; }

    public string Path { get; }

    /// <summary>The name errors use: the path as the user gave it.</summary>
    public string DisplayName { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>The 1-based data row of the current record.</summary>
    public long Row { get; private set; }

    public static CsvSource Open(string path) => Open(path, ReadOptions.Default);

    /// <summary>Opens a data file of any <see cref="DataFormat"/>, chosen by its extension.</summary>
    public static CsvSource Open(string path, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = path;
        if (Directory.Exists(path)) throw new DataException(new DataError(name, null, null, null, "is a folder, not a data file"));
        if (!File.Exists(path)) throw new DataException(new DataError(name, null, null, null, "file not found"));
        var format = DataFormats.FromPath(path);
        if (format != DataFormat.Csv) return OpenTable(format, ReadAllBytes(path), name, options);
        if (DataFormats.Unsupported(path) is { } why) throw new DataException(new DataError(name, null, null, null, why));
        if (options.Sheet is not null) throw new DataException(new DataError(name, null, null, null, $"is not an Excel workbook, so it has no sheet '{options.Sheet}' to choose"));
        if (FileProbe.LooksBinary(path)) throw new DataException(new DataError(name, null, null, null, BinaryFile));

        TextReader text;
        try
        {
            // Strict decoding: a Latin-1 or binary file is reported, not turned into U+FFFD silently.
            text = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(new DataError(name, null, null, null, $"cannot be read ({e.Message})"));
        }
        return Open(text, name);
    }

    /// <summary>Reads a data file already in memory or open as a stream (an embedded resource, a
    /// download), under the same rules as a file: <paramref name="displayName"/> names it in errors and
    /// its extension picks the format. Text must be UTF-8 (a BOM is fine). The stream is left open.</summary>
    public static CsvSource Open(Stream stream, string displayName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(displayName);
        options ??= ReadOptions.Default;
        var format = DataFormats.FromPath(displayName);
        if (format == DataFormat.Csv)
        {
            if (options.Sheet is not null) throw new DataException(new DataError(displayName, null, null, null, $"is not an Excel workbook, so it has no sheet '{options.Sheet}' to choose"));
            return Open(new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true), displayName);
        }
        var copy = new MemoryStream();
        try
        {
            stream.CopyTo(copy);
        }
        catch (IOException e)
        {
            throw new DataException(new DataError(displayName, null, null, null, $"cannot be read ({e.Message})"));
        }
        return OpenTable(format, copy.ToArray(), displayName, options);
    }

    private static CsvSource OpenTable(DataFormat format, byte[] bytes, string name, ReadOptions options) =>
        new(name, name, format, TableFormats.Read(format, bytes, name, options));

    private static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataException(new DataError(path, null, null, null, $"cannot be read ({e.Message})"));
        }
    }

    /// <summary>Reads delimited text that is already open (in memory, a stream, a test), under the same
    /// rules as a file. <paramref name="displayName"/> names the input in errors and picks the delimiter
    /// (tab for *.tsv, comma otherwise). The source owns <paramref name="text"/> and disposes it.</summary>
    public static CsvSource Open(TextReader text, string displayName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(displayName);
        var path = displayName;
        var name = displayName;

        var options = new CsvDataReaderOptions
        {
            Delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',',
            Comment = '\0', // '#' is data in clinical files (record numbers), never a comment
            HasHeaders = true,
            MaxBufferSize = MaxRecordChars,
            OwnsReader = true,
        };

        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(new LeadingBlankLines(text), options);
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            throw new DataException(new DataError(name, null, null, null, "is empty: a header row naming the columns is required"));
        }
        catch (DecoderFallbackException)
        {
            text.Dispose();
            throw NotUtf8(path, name);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            text.Dispose();
            throw new DataException(new DataError(name, null, null, null, "the header row cannot be read: " + Explain(e)));
        }

        var columns = new string[reader.FieldCount];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = reader.GetName(i).Trim();
            if (columns[i].Contains('\0'))
            {
                reader.Dispose();
                throw new DataException(new DataError(name, null, null, null, BinaryFile));
            }
            if (!seen.Add(columns[i]))
            {
                reader.Dispose();
                throw new DataException(new DataError(name, null, columns[i], null, "the column name appears more than once in the header"));
            }
        }
        return new CsvSource(path, name, reader, columns);
    }

    /// <summary>The position of <paramref name="column"/>, or an error listing the columns there are
    /// (and the likely one, when the name is misspelt).</summary>
    public int Ordinal(string column)
    {
        if (_ordinals.TryGetValue(column, out var ordinal)) return ordinal;
        var known = string.Join(", ", Columns.Select(c => $"'{c}'"));
        throw new DataException(new DataError(DisplayName, null, column, null,
            $"no such column{ColumnHints.DidYouMean(column, Columns)} (the file has {known}){ColumnHints.RowNames(Columns, Format)}"));
    }

    public bool HasColumn(string column) => _ordinals.ContainsKey(column);

    /// <summary>Moves to the next data record, skipping blank lines. Ragged records are errors.</summary>
    public bool Read()
    {
        if (_table is not null)
        {
            if (_record + 1 >= _table.RowCount) return false;
            _record++;
            Row = _table.RowNumber(_record);
            return true;
        }
        while (true)
        {
            bool more;
            try
            {
                more = _reader!.Read();
            }
            catch (DecoderFallbackException)
            {
                throw NotUtf8(Path, DisplayName);
            }
            catch (Exception e) when (IsParseFailure(e))
            {
                throw new DataException(new DataError(DisplayName, Row + 1, null, null, Explain(e)));
            }
            if (!more) return false;
            Row++;

            var fields = _reader!.RowFieldCount;
            if (fields == 1 && Columns.Count > 1 && _reader!.GetFieldSpan(0).IsWhiteSpace()) continue; // a blank line

            if (_reader!.GetRawRecordSpan().Contains('\0'))
            {
                throw new DataException(new DataError(DisplayName, Row, null, null, BinaryFile));
            }
            if (fields != Columns.Count)
            {
                throw new DataException(new DataError(DisplayName, Row, null, null,
                    $"has {fields} field{(fields == 1 ? "" : "s")} but the header has {Columns.Count} columns"));
            }
            return true;
        }
    }

    public ReadOnlySpan<char> Field(int ordinal) =>
        _table is null ? _reader!.GetFieldSpan(ordinal) : _table.Columns[ordinal].Text(_record, _scratch[ordinal]);

    public string FieldString(int ordinal) => _table is null ? _reader!.GetString(ordinal) : Field(ordinal).ToString();

    /// <summary>The code behind the current field when the field is a value label (a labelled SPSS or
    /// Stata variable, e.g. "1" behind "Male"); empty otherwise, and always for CSV. Readers that need
    /// a number or an event fall back to it when the label is not one.</summary>
    public ReadOnlySpan<char> FieldCode(int ordinal) =>
        _table is null ? default : _table.Columns[ordinal].Code(_record, _codeScratch[ordinal]);

    /// <summary>Goes back before the first record of a file read whole (every format but CSV), so a
    /// second pass needs no second parse; false for CSV, which must be opened again.</summary>
    internal bool Rewind()
    {
        if (_table is null) return false;
        _record = -1;
        Row = 0;
        return true;
    }

    public void Dispose() => _reader?.Dispose();

    private const string BinaryFile = "contains NUL bytes: it looks like a binary file (a spreadsheet or archive?), not CSV text";

    /// <summary>Names the line and byte where the text stops being UTF-8, found by re-reading the
    /// raw bytes: the decoder itself only knows its buffer, not the line.</summary>
    private static DataException NotUtf8(string path, string name)
    {
        var where = File.Exists(path) ? FileProbe.FirstInvalidUtf8(path) : null; // text opened from a stream has no file to re-read
        var detail = where is { } w ? $" (line {w.Line}: byte 0x{w.Value:X2})" : "";
        return new DataException(new DataError(name, null, null, null,
            $"is not valid UTF-8 text{detail}; it may be Latin-1 or another encoding: save it as UTF-8"));
    }

    private static bool IsParseFailure(Exception e) =>
        e is CsvFormatException or CsvRecordTooLargeException or DecoderFallbackException or IOException
        || e.GetType().Namespace == typeof(CsvDataReader).Namespace;

    private static string Explain(Exception e) => e switch
    {
        DecoderFallbackException => "is not valid UTF-8 text (a binary file, or another encoding such as Latin-1: save it as UTF-8)",
        CsvRecordTooLargeException => $"a record is longer than {MaxRecordChars / (1 << 20)} M characters",
        IOException io => "cannot be read (" + io.Message + ")",
        _ => "is not valid CSV: " + e.Message,
    };
}
