namespace Pnen.Data.Tests.Fuzz;

/// <summary>An error is one line whatever the file holds: the CLI prints it as its single line on
/// stderr. Found by the fuzz test: a quoted header name may contain a line break.</summary>
public sealed class DataErrorLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-error-line-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AColumnNameWithALineBreakStaysOnOneLine()
    {
        var path = Path.Combine(_folder, "header.csv");
        File.WriteAllText(path, "time,\"sta\ntus\",group\n1,1,A\n");
        var e = Assert.Throws<DataException>(() => TableReader.Read(path, [new ColumnRequest("status", ColumnKind.Event)]));
        Assert.DoesNotContain('\n', e.OneLine);

        var error = new DataError("f.csv", 3, "sta\ntus", "x", "not a number");
        Assert.DoesNotContain('\n', error.ToString());
    }
}
