using System.Globalization;
using ExcelDataReader;

namespace Pnen.Data.Formats.Excel;

/// <summary>
/// Reads one sheet of an Excel workbook (.xlsx) with ExcelDataReader: its first non-empty row is the
/// header, and each cell reads as Excel stores it, not as it is displayed: a number in full (shortest
/// round-trip form), a date-formatted number as yyyy-MM-dd (yyyy-MM-dd HH:mm:ss with a time), TRUE or
/// FALSE, text as written, an empty cell as missing. Blank rows are skipped but counted, as blank lines
/// in CSV, so row 1 is the row under the header. A formula reads as its cached value.
/// </summary>
internal static class XlsxReader
{
    // ExcelDataReader's configuration asks for code page 1252 (its fallback for old .xls files) even
    // for .xlsx; .NET has it only once the code page provider is registered. Registering adds
    // encodings to the process and changes none.
    static XlsxReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static RecordTable Read(byte[] bytes, string file, string? sheet)
    {
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes, writable: false));
            Select(reader, file, sheet);
            return ReadSheet(reader, file);
        }
        catch (DataException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged workbook surfaces as whatever its zip or XML parser throws: one line, never a trace.
            throw new DataException(new DataError(file, null, null, null, $"cannot be read as an Excel workbook ({e.GetType().Name}: {e.Message})"));
        }
    }

    private static void Select(IExcelDataReader reader, string file, string? sheet)
    {
        if (sheet is null) return;
        var names = new List<string>();
        do
        {
            if (string.Equals(reader.Name, sheet, StringComparison.Ordinal)) return;
            names.Add(reader.Name);
        }
        while (reader.NextResult());
        throw new DataException(new DataError(file, null, null, null,
            $"has no sheet '{sheet}'{ColumnHints.DidYouMean(sheet, names)} (its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))})"));
    }

    private static RecordTable ReadSheet(IExcelDataReader reader, string file)
    {
        long sheetRow = 0;
        string[]? header = null;
        long headerRow = 0;
        var columns = new List<List<string?>>();
        var rowNumbers = new List<long>();
        var interners = new List<ColumnAssembly.Interner>();
        while (reader.Read())
        {
            sheetRow++;
            var width = reader.FieldCount;
            if (header is null)
            {
                var last = LastFilled(reader, width);
                if (last < 0) continue; // blank rows above the header
                header = new string[last + 1];
                for (var c = 0; c <= last; c++) header[c] = (Cell(reader, c) ?? "").Trim();
                headerRow = sheetRow;
                foreach (var _ in header)
                {
                    columns.Add([]);
                    interners.Add(new ColumnAssembly.Interner());
                }
                continue;
            }
            var filled = LastFilled(reader, width);
            if (filled < 0) continue; // a blank row: skipped, but counted
            var row = sheetRow - headerRow;
            if (filled >= header.Length)
            {
                throw new DataException(new DataError(file, row, null, Cell(reader, filled),
                    $"has a value in column {ColumnLetters(filled)}, beyond the header's last named column {ColumnLetters(header.Length - 1)}"));
            }
            for (var c = 0; c < header.Length; c++)
            {
                var text = c < width ? Cell(reader, c) : null;
                columns[c].Add(string.IsNullOrEmpty(text) ? null : interners[c].Intern(text));
            }
            rowNumbers.Add(row);
        }
        if (header is null) throw new DataException(new DataError(file, null, null, null, "is empty: the sheet has no header row naming the columns"));
        var cells = header.Select((name, c) => (CellColumn)new TextCells(new SourceColumn(name), columns[c].ToArray())).ToArray();
        return new RecordTable(file, cells, rowNumbers.Count, rowNumbers.ToArray());
    }

    private static int LastFilled(IExcelDataReader reader, int width)
    {
        for (var c = width - 1; c >= 0; c--)
        {
            if (!string.IsNullOrEmpty(Cell(reader, c))) return c;
        }
        return -1;
    }

    /// <summary>A cell as CSV text: numbers round-trip, dates ISO 8601, booleans TRUE/FALSE; null when empty.</summary>
    private static string? Cell(IExcelDataReader reader, int column) => reader.GetValue(column) switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString(t.Millisecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>Excel's column letters for a 0-based column: 0 is A, 26 is AA.</summary>
    internal static string ColumnLetters(int column)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters;
    }
}
