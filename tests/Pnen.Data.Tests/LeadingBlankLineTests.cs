namespace Pnen.Data.Tests;

/// <summary>Blank lines before the header are skipped, as R's read.csv (blank.lines.skip) and
/// data.table's fread do; a file of nothing else is empty. Found by the fuzz test, which saw
/// such a file read as one column named ''.</summary>
public sealed class LeadingBlankLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-leading-blank-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("\n\ntime,status\n5,1\n7,0\n")]
    [InlineData("\r\n \t\r\ntime,status\r\n5,1\r\n7,0\r\n")]
    [InlineData("\uFEFF\ntime,status\n5,1\n7,0\n")]
    public void TheHeaderAfterBlankLinesIsTheHeader(string content)
    {
        var table = TableReader.Read(Write(content), [new ColumnRequest("time", ColumnKind.Numeric), new ColumnRequest("status", ColumnKind.Event)]);
        Assert.Equal([5.0, 7.0], table.Get<NumericColumn>("time").Values);
        Assert.Equal(2, table.RowCount);
    }

    [Theory]
    [InlineData("\n\n")]
    [InlineData("   \n")]
    [InlineData("\r\n\r\n \t ")]
    public void AFileOfBlankLinesIsEmpty(string content)
    {
        var path = Write(content);
        var e = Assert.Throws<DataException>(() => TableReader.Read(path, [new ColumnRequest("time", ColumnKind.Numeric)]));
        Assert.Equal($"{path}: is empty: a header row naming the columns is required", e.OneLine);
    }

    [Fact]
    public void AQuotedHeaderNameWithALineBreakIsKeptAsItIs()
    {
        using var source = CsvSource.Open(new StringReader("\n\"a\r\nb\",c\n1,2\n"), "mem.csv");
        Assert.Equal(["a\r\nb", "c"], source.Columns);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
