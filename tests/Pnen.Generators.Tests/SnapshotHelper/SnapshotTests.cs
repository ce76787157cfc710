using Pnen.Testing;

namespace Pnen.Generators.Tests.SnapshotHelper;

/// <summary>The snapshot helper itself, on files in a temporary folder. Accepting is passed explicitly,
/// so these tests mean the same when the suite runs with PNEN_ACCEPT=1.</summary>
public sealed class SnapshotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-snapshot-").FullName;

    private string SourceFile => Path.Combine(_folder, "SomeTests.cs");

    private string Verified => Path.Combine(_folder, "SomeTests.Case.verified.txt");

    private string Received => Path.Combine(_folder, "SomeTests.Case.received.txt");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AMissingSnapshotFailsAndWritesTheReceivedFile()
    {
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Match("new text\n", PathsFor("Case"), accept: false));
        Assert.Contains("No verified snapshot SomeTests.Case.verified.txt", e.Message);
        Assert.Equal("new text\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
        Assert.Equal(Received, e.ReceivedPath);
    }

    [Fact]
    public void AMatchPassesAndRemovesAStaleReceivedFile()
    {
        File.WriteAllText(Verified, "line 1\r\nline 2\r\n");
        File.WriteAllText(Received, "old attempt");
        Snapshot.Match("line 1\nline 2\n", PathsFor("Case"), accept: false);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void AMismatchFailsWithAUnifiedDiff()
    {
        File.WriteAllText(Verified, "a\nb\nc\n");
        var e = Assert.Throws<SnapshotMismatchException>(() => Snapshot.Match("a\nB\nc\n", PathsFor("Case"), accept: false));
        Assert.Contains("@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", e.Message);
        Assert.Equal("a\nB\nc\n", File.ReadAllText(Received));
        Assert.Equal("a\nb\nc\n", File.ReadAllText(Verified));
    }

    [Fact]
    public void AcceptingWritesTheVerifiedFile()
    {
        File.WriteAllText(Received, "stale");
        Snapshot.Match("accepted\n", PathsFor("Case"), accept: true);
        Assert.Equal("accepted\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void ANameSeparatesSnapshotsOfOneTest()
    {
        var paths = SnapshotPaths.For(SourceFile, "Case", "a/b", ".cs");
        Assert.Equal(Path.Combine(_folder, "SomeTests.Case.a_b.verified.cs"), paths.Verified);
        Assert.Equal(Path.Combine(_folder, "SomeTests.Case.a_b.received.cs"), paths.Received);
    }

    [Fact]
    public void AMappedSourcePathIsExplained()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SnapshotPaths.For("/_/tests/SomeTests.cs", "Case", null, "txt"));
        Assert.Contains("DeterministicSourcePaths", e.Message);
    }

    [Fact]
    public void TheDiffKeepsThreeLinesOfContextAndSplitsDistantChanges()
    {
        var before = string.Join("\n", Enumerable.Range(1, 20).Select(i => "l" + i)) + "\n";
        var after = before.Replace("l2\n", "L2\n").Replace("l18\n", "L18\n");
        Assert.Equal(
            "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n" +
            "@@ -15,6 +15,6 @@\n l15\n l16\n l17\n-l18\n+L18\n l19\n l20\n",
            UnifiedDiff.Create(before, after));
    }

    private SnapshotPaths PathsFor(string test) => SnapshotPaths.For(SourceFile, test, null, "txt");
}
