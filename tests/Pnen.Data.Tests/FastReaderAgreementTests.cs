using System.Text;
using CsCheck;
using Pnen.Data.Fast;

namespace Pnen.Data.Tests;

/// <summary>
/// The parallel byte reader against the ordinary one (CsvSource, a record at a time) on many small
/// random files cut into many chunks: every file gives the same table or the same error either
/// way, and the fast reader really does read most clean files rather than always declining.
/// </summary>
[Collection(FastReaderCollection.Name)]
public sealed class FastReaderAgreementTests() : FastReaderTestBase("pnen-fast-")
{
    [Fact]
    public void SameTableOrSameErrorAsTheOrdinaryReader()
    {
        var accepted = 0;
        var samples = 0;
        var index = 0;
        RandomCsv.Gen.Sample(csv =>
        {
            var path = Path.Combine(Folder, $"f{Interlocked.Increment(ref index)}{csv.Extension}");
            File.WriteAllText(path, csv.Text, new UTF8Encoding(false));
            var slow = Outcome(() => TableReader.ReadOrdinary(path, csv.Requests, MissingValues.Default));
            var fast = Outcome(() => TableReader.Read(path, csv.Requests));
            Assert.Equal(slow, fast);
            if (slow.StartsWith("error", StringComparison.Ordinal)) return; // the header or file itself is refused: nothing to accept
            if (ParallelCsvReader.TryRead(path, csv.Requests, MissingValues.Default).Table is not null) accepted++;
            samples++;
        }, iter: 1500, threads: 1);
        Assert.True(accepted > samples / 4, $"the fast reader accepted only {accepted} of {samples} files");
    }

    [Fact]
    public void LargerCleanFileIsReadFastAndTheSame()
    {
        var text = new StringBuilder("time,status,group,x\r\n");
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            text.Append((random.Next(1, 1200) / 10.0).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(2)).Append(',')
                .Append(random.Next(3) switch { 0 => "\"arm A\"", 1 => "B", _ => "NA" }).Append(',')
                .Append(random.Next(50) == 0 ? "" : (random.NextDouble() - 0.5).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n");
            if (i % 5000 == 4999) text.Append("\r\n"); // blank lines to compact away
        }
        var path = Path.Combine(Folder, "large.csv");
        File.WriteAllText(path, text.ToString());
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("group", ColumnKind.Categorical), new("x", ColumnKind.Auto)];
        ParallelCsvReader.ChunkBytes = 4096;

        var fast = ParallelCsvReader.TryRead(path, requests, MissingValues.Default).Table;
        Assert.NotNull(fast);
        Assert.Equal(Describe(TableReader.ReadOrdinary(path, requests, MissingValues.Default), requests), Describe(fast, requests));
        Assert.Equal(20_000, fast.RowCount);
    }

    /// <summary>A table or an error, as text that compares exactly (numbers by their bits).</summary>
    private static string Outcome(Func<LoadedTable> read)
    {
        try
        {
            var table = read();
            return Describe(table, null);
        }
        catch (DataException e)
        {
            return "error: " + e.Message;
        }
    }

    private static string Describe(LoadedTable table, ColumnRequest[]? requests)
    {
        var text = new StringBuilder($"{table.Source}: {table.RowCount} rows\n");
        foreach (var name in table.ColumnNames)
        {
            var column = table[name];
            text.Append(name).Append(' ').Append(column.GetType().Name).Append(": ");
            switch (column)
            {
                case NumericColumn numeric:
                    text.AppendJoin(' ', numeric.Values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("X")));
                    break;
                case EventColumn events:
                    text.AppendJoin(' ', events.Values);
                    break;
                case CategoricalColumn categorical:
                    text.Append('[').AppendJoin('|', categorical.Levels).Append("] numeric=").Append(categorical.NumericLevels).Append(' ').AppendJoin(' ', categorical.Codes);
                    break;
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
