namespace Pnen.Data;

/// <summary>The kinds of data file Pnen reads, each chosen by the file's extension.</summary>
public enum DataFormat
{
    /// <summary>Delimited text: comma-separated, or tab-separated for *.tsv (every extension not listed below).</summary>
    Csv,

    /// <summary>An SPSS system file, *.sav (bytecode or uncompressed) or *.zsav (zlib).</summary>
    Spss,

    /// <summary>A Stata dataset, *.dta, formats 117 (Stata 13), 118 (14-18) and 119 (15-18, many variables).</summary>
    Stata,

    /// <summary>An Excel workbook, *.xlsx or *.xlsm: one sheet, its first non-empty row the header.</summary>
    Excel,

    /// <summary>An Apache Parquet file, *.parquet: flat, typed columns.</summary>
    Parquet,
}

/// <summary>Which <see cref="DataFormat"/> a file name means, and the formats refused with a hint.</summary>
public static class DataFormats
{
    /// <summary>The format of <paramref name="path"/> by its extension (case-insensitive); CSV when no other matches.</summary>
    public static DataFormat FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".sav" or ".zsav" => DataFormat.Spss,
        ".dta" => DataFormat.Stata,
        ".xlsx" or ".xlsm" => DataFormat.Excel,
        ".parquet" => DataFormat.Parquet,
        _ => DataFormat.Csv,
    };

    /// <summary>Why a file of a format Pnen does not read is refused, with what to do instead; null for the formats it reads.</summary>
    internal static string? Unsupported(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xls" => "is an Excel 97-2003 workbook (.xls), which Pnen does not read: save it as .xlsx or CSV",
        ".por" => "is an SPSS portable file (.por), which Pnen does not read: save it as .sav",
        ".rds" or ".rdata" or ".rda" => "is an R data file, which Pnen does not read: write it with write.csv(x, row.names = FALSE) or haven::write_sav",
        ".sas7bdat" or ".xpt" => "is a SAS file, which Pnen does not read: export it as CSV",
        ".ods" => "is an OpenDocument spreadsheet, which Pnen does not read: save it as .xlsx or CSV",
        _ => null,
    };
}
