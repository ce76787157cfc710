using Pnen.Data.Fast;

namespace Pnen.Data.Tests.Fuzz;

/// <summary>
/// 20,000 fuzzed inputs (<see cref="CsvMutator"/>, fixed seed) through the CSV readers, each either
/// read into a consistent table or refused with a <see cref="DataException"/> whose every error names
/// the file; never another exception, never a hang (<see cref="FuzzGuard"/>). The ordinary reader
/// (a record at a time) and the parallel byte reader (forced on small files in small chunks, which
/// must agree with it or decline) are both exercised.
/// </summary>
[Collection(FastReaderCollection.Name)]
public sealed class CsvFuzzTests : IDisposable
{
    public const int Inputs = 20_000;

    private static readonly ColumnRequest[] Requests =
    [
        new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("group", ColumnKind.Categorical), new("x", ColumnKind.Auto),
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-fuzz-").FullName;
    private readonly long _minimum = ParallelCsvReader.MinimumBytes;
    private readonly long _chunk = ParallelCsvReader.ChunkBytes;

    public void Dispose()
    {
        ParallelCsvReader.MinimumBytes = _minimum;
        ParallelCsvReader.ChunkBytes = _chunk;
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void EveryInputIsReadOrCleanlyRefused()
    {
        var mutator = new CsvMutator(seed: 9);
        var inputs = new byte[Inputs][];
        for (var i = 0; i < Inputs; i++) inputs[i] = mutator.Next();
        var outcomes = new int[3]; // read, refused, (fast reader) read the same as the ordinary one

        FuzzGuard.Run(Inputs, i =>
        {
            // Every other input through the fast reader as well: thresholds down to nothing.
            var fast = i % 2 == 1;
            ParallelCsvReader.MinimumBytes = fast ? 0 : _minimum;
            ParallelCsvReader.ChunkBytes = fast ? 97 : _chunk;
            var path = Path.Combine(_folder, i % 5 == 0 ? "fuzz.tsv" : "fuzz.csv");
            File.WriteAllBytes(path, inputs[i]);

            var outcome = Outcome(path, () => TableReader.Read(path, Requests));
            outcomes[outcome.StartsWith("error", StringComparison.Ordinal) ? 1 : 0]++;
            if (fast)
            {
                Assert.Equal(Outcome(path, () => TableReader.ReadOrdinary(path, Requests, MissingValues.Default)), outcome);
                outcomes[2]++;
            }

            // The same bytes as a stream (the generated loaders' way in): the header and records too.
            try
            {
                using var source = CsvSource.Open(new StreamReader(new MemoryStream(inputs[i]), new System.Text.UTF8Encoding(false, true), true), "stream.csv");
                while (source.Read())
                {
                    for (var c = 0; c < source.Columns.Count; c++) _ = source.Field(c);
                }
            }
            catch (DataException e)
            {
                CheckNamed(e, "stream.csv");
            }
        }, i => Convert.ToBase64String(inputs[i].AsSpan(0, Math.Min(inputs[i].Length, 4096))));

        Assert.Equal(Inputs, outcomes[0] + outcomes[1]);
        // The corpus reaches both ends: many files read, many refused.
        Assert.True(outcomes[0] > Inputs / 10 && outcomes[1] > Inputs / 10, $"{outcomes[0]} read, {outcomes[1]} refused");
    }

    /// <summary>A table, checked for consistency and described, or "error: " and the message; any
    /// exception other than <see cref="DataException"/> fails the test.</summary>
    private static string Outcome(string path, Func<LoadedTable> read)
    {
        LoadedTable table;
        try
        {
            table = read();
        }
        catch (DataException e)
        {
            CheckNamed(e, path);
            return "error: " + e.Message;
        }
        var description = new System.Text.StringBuilder($"{table.RowCount} rows\n");
        foreach (var name in table.ColumnNames)
        {
            var column = table[name];
            Assert.Equal(table.RowCount, column.Length);
            switch (column)
            {
                case NumericColumn numeric:
                    Assert.All(numeric.Values, v => Assert.True(double.IsNaN(v) || double.IsFinite(v), $"{name}: {v}"));
                    if (name == "time") Assert.All(numeric.Values, v => Assert.True(double.IsNaN(v) || v >= 0, $"negative time {v}"));
                    description.AppendJoin(' ', numeric.Values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("X")));
                    break;
                case EventColumn events:
                    Assert.All(events.Values, v => Assert.InRange(v, -1, 1));
                    description.AppendJoin(' ', events.Values);
                    break;
                case CategoricalColumn categorical:
                    Assert.All(categorical.Codes, c => Assert.InRange(c, -1, categorical.Levels.Count - 1));
                    Assert.Equal(categorical.Levels.Count, categorical.Levels.Distinct(StringComparer.Ordinal).Count());
                    description.Append(string.Join('|', categorical.Levels)).Append(' ').AppendJoin(' ', categorical.Codes);
                    break;
            }
            description.Append('\n');
        }
        return description.ToString();
    }

    private static void CheckNamed(DataException e, string file)
    {
        Assert.NotEmpty(e.Errors);
        Assert.All(e.Errors, error => Assert.Equal(file, error.File));
        Assert.StartsWith(file, e.OneLine, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.OneLine);
        Assert.DoesNotContain('\r', e.OneLine);
    }
}
