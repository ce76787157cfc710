namespace Pnen.Data.Tests.Fuzz;

/// <summary>
/// Mutated SPSS, Stata, Excel and Parquet files (<see cref="BinaryMutator"/> on the R-written fixtures,
/// fixed seeds) through CsvSource and TableReader: every input is read into a consistent table or
/// refused with a <see cref="DataException"/> whose every error names the file and is one line; never
/// another exception, never a hang (<see cref="FuzzGuard"/>).
/// </summary>
public sealed class BinaryFormatFuzzTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-binary-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "formats", name));

    [Theory]
    [InlineData(".sav", 4000, 11, new[] { "cohort.sav", "cohort-uncompressed.sav", "event-labelled.sav" })]
    [InlineData(".zsav", 1500, 12, new[] { "cohort.zsav" })]
    [InlineData(".dta", 4000, 13, new[] { "cohort-117.dta", "cohort-118.dta", "cohort-119.dta", "event-labelled.dta" })]
    [InlineData(".xlsx", 400, 14, new[] { "cohort.xlsx" })]
    [InlineData(".parquet", 400, 15, new[] { "cohort.parquet" })]
    public void EveryMutatedFileIsReadOrCleanlyRefused(string extension, int inputs, int seed, string[] seeds)
    {
        var mutator = new BinaryMutator(seed, seeds.Select(Fixture).ToArray());
        var files = new byte[inputs][];
        for (var i = 0; i < inputs; i++) files[i] = mutator.Next();
        var outcomes = new int[2];
        var path = Path.Combine(_folder, "fuzz" + extension);

        FuzzGuard.Run(inputs, i =>
        {
            File.WriteAllBytes(path, files[i]);
            try
            {
                using (var source = CsvSource.Open(path))
                {
                    while (source.Read())
                    {
                        for (var c = 0; c < source.Columns.Count; c++)
                        {
                            _ = source.Field(c);
                            _ = source.FieldCode(c);
                        }
                    }
                }
                var table = TableReader.Read(path, [new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("trt", ColumnKind.Auto)]);
                Assert.All(table.ColumnNames, n => Assert.Equal(table.RowCount, table[n].Length));
                outcomes[0]++;
            }
            catch (DataException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, error => Assert.Equal(path, error.File));
                Assert.StartsWith(path, e.OneLine, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.OneLine);
                Assert.DoesNotContain('\r', e.OneLine);
                outcomes[1]++;
            }
        }, i => $"{extension} input {i}: {Convert.ToBase64String(files[i].AsSpan(0, Math.Min(files[i].Length, 2048)))}");

        Assert.Equal(inputs, outcomes[0] + outcomes[1]);
        // The corpus reaches both ends: files read (a mutation in the data) and files refused.
        Assert.True(outcomes[0] > 0 && outcomes[1] > inputs / 10, $"{outcomes[0]} read, {outcomes[1]} refused");
    }
}
