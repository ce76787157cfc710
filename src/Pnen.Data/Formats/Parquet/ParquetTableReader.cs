using Parquet;
using Parquet.Schema;

namespace Pnen.Data.Formats.Parquet;

/// <summary>
/// Reads a Parquet file whole with Parquet.Net: one column per top-level field, typed as stored
/// (integers and floating point as numbers, decimals as numbers, booleans as TRUE/FALSE, dates as
/// yyyy-MM-dd, timestamps as yyyy-MM-dd HH:mm:ss, text as written), nulls as missing. Nested fields
/// (lists, maps, structs) and binary columns are refused, naming the column.
/// </summary>
internal static class ParquetTableReader
{
    public static RecordTable Read(byte[] bytes, string file)
    {
        try
        {
            // The library is asynchronous; a thread-pool task keeps a caller's synchronisation context out of it.
            return Task.Run(() => ReadAsync(bytes, file)).GetAwaiter().GetResult();
        }
        catch (DataException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataException(new DataError(file, null, null, null, $"cannot be read as a Parquet file ({e.GetType().Name}: {e.Message})"));
        }
    }

    private static async Task<RecordTable> ReadAsync(byte[] bytes, string file)
    {
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = false };
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes, writable: false), options).ConfigureAwait(false);
        foreach (var field in reader.Schema.Fields)
        {
            if (field.SchemaType != SchemaType.Data || field is DataField { IsArray: true })
            {
                throw new DataException(new DataError(file, null, field.Name, null, $"is a nested Parquet field ({field.SchemaType}), which Pnen cannot read as one column: flatten it first"));
            }
        }
        var fields = reader.Schema.GetDataFields();
        long total = 0;
        for (var g = 0; g < reader.RowGroupCount; g++) total += reader.OpenRowGroupReader(g).RowCount;
        if (total > Array.MaxLength) throw new DataException(new DataError(file, null, null, null, $"has {total} rows, more than Pnen can hold"));
        var rows = (int)total;

        var columns = new CellColumn[fields.Length];
        for (var f = 0; f < fields.Length; f++) columns[f] = await ColumnAsync(reader, fields[f], rows, file).ConfigureAwait(false);
        return new RecordTable(file, columns, rows);
    }

    private static async Task<CellColumn> ColumnAsync(ParquetReader reader, DataField field, int rows, string file)
    {
        var info = new SourceColumn(field.Name);
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = await StringsAsync(reader, field, rows).ConfigureAwait(false);
            var interner = new ColumnAssembly.Interner();
            for (var i = 0; i < texts.Length; i++) texts[i] = string.IsNullOrEmpty(texts[i]) ? null : interner.Intern(texts[i]!);
            return new TextCells(info, texts);
        }
        if (type == typeof(double)) return Numbers(info, await ValuesAsync<double>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(float)) return Numbers(info, await ValuesAsync<float>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(int)) return Numbers(info, await ValuesAsync<int>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(long)) return Numbers(info, await ValuesAsync<long>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(short)) return Numbers(info, await ValuesAsync<short>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(sbyte)) return Numbers(info, await ValuesAsync<sbyte>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(byte)) return Numbers(info, await ValuesAsync<byte>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(ushort)) return Numbers(info, await ValuesAsync<ushort>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(uint)) return Numbers(info, await ValuesAsync<uint>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(ulong)) return Numbers(info, await ValuesAsync<ulong>(reader, field, rows).ConfigureAwait(false), v => v);
        if (type == typeof(decimal)) return Numbers(info, await ValuesAsync<decimal>(reader, field, rows).ConfigureAwait(false), v => (double)v);
        if (type == typeof(DateOnly)) return Numbers(info, await ValuesAsync<DateOnly>(reader, field, rows).ConfigureAwait(false), v => v.DayNumber, NumberDisplay.Date);
        if (type == typeof(DateTime))
        {
            return Numbers(info, await ValuesAsync<DateTime>(reader, field, rows).ConfigureAwait(false), v => v.Ticks / (double)TimeSpan.TicksPerSecond, NumberDisplay.DateTime);
        }
        if (type == typeof(bool))
        {
            var flags = await ValuesAsync<bool>(reader, field, rows).ConfigureAwait(false);
            return new TextCells(info, flags.Select(b => b is null ? null : b.Value ? "TRUE" : "FALSE").ToArray());
        }
        throw new DataException(new DataError(file, null, field.Name, null, $"has the Parquet type {type.Name}, which Pnen does not read (numbers, text, booleans, dates and timestamps)"));
    }

    private static NumberCells Numbers<T>(SourceColumn info, T?[] values, Func<T, double> convert, NumberDisplay display = NumberDisplay.Plain)
        where T : struct
    {
        var numbers = new double[values.Length];
        for (var i = 0; i < numbers.Length; i++) numbers[i] = values[i] is { } v ? convert(v) : double.NaN;
        return new NumberCells(info, numbers, display);
    }

    private static async Task<T?[]> ValuesAsync<T>(ParquetReader reader, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        var at = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            if (field.IsNullable)
            {
                await group.ReadAsync<T>(field, values.AsMemory(at, count)).ConfigureAwait(false);
            }
            else
            {
                var plain = new T[count];
                await group.ReadAsync<T>(field, plain.AsMemory()).ConfigureAwait(false);
                for (var i = 0; i < count; i++) values[at + i] = plain[i];
            }
            at += count;
        }
        return values;
    }

    private static async Task<string?[]> StringsAsync(ParquetReader reader, DataField field, int rows)
    {
        var values = new string?[rows];
        var at = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            await group.ReadAsync(field, values.AsMemory(at, count)).ConfigureAwait(false);
            at += count;
        }
        return values;
    }
}
