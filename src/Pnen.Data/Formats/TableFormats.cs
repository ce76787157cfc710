using Pnen.Data.Formats.Excel;
using Pnen.Data.Formats.Parquet;
using Pnen.Data.Formats.Spss;
using Pnen.Data.Formats.Stata;

namespace Pnen.Data.Formats;

/// <summary>Reads a file of a binary format whole into a <see cref="RecordTable"/>.</summary>
internal static class TableFormats
{
    public static RecordTable Read(DataFormat format, byte[] bytes, string file, ReadOptions options)
    {
        if (options.Sheet is not null && format != DataFormat.Excel)
        {
            throw new DataException(new DataError(file, null, null, null, $"is not an Excel workbook, so it has no sheet '{options.Sheet}' to choose"));
        }
        if (bytes.Length == 0) throw new DataException(new DataError(file, null, null, null, "is empty"));
        return format switch
        {
            DataFormat.Spss => SavReader.Read(bytes, file),
            DataFormat.Stata => DtaReader.Read(bytes, file),
            DataFormat.Excel => XlsxReader.Read(bytes, file, options.Sheet),
            DataFormat.Parquet => ParquetTableReader.Read(bytes, file),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a binary format"),
        };
    }
}
