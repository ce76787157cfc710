using Pnen.Dsl.Report;

namespace Pnen.Report.Tests;

/// <summary>A report folder is replaced whole or not at all, and never one that is not a report.</summary>
public class AtomicWriteTests
{
    /// <summary>Fails on its third figure, after the report files and two PNGs are already written
    /// into the temporary folder: a failure in the middle of the write.</summary>
    private sealed class FailingRasterizer : IFigureRasterizer
    {
        public int Calls { get; private set; }

        public string Description => "fails on the third figure";

        public byte[] Rasterize(string svg) => ++Calls < 3 ? [0x89, 0x50, 0x4E, 0x47] : throw new IOException("disk full (simulated)");
    }

    [Fact]
    public void AFailedWriteLeavesThePreviousReportIntact()
    {
        using var scratch = new Scratch();
        var previous = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report) with { Title = "Previous run" });
        var before = Snapshot(scratch.Report);

        var rasterizer = new FailingRasterizer();
        var failed = Assert.Throws<IOException>(() => StudyReport.Write(LungReport.Result,
            LungReport.Options(scratch.Report) with { Formats = ReportFormats.Default | ReportFormats.Png, Rasterizer = rasterizer }));

        Assert.Contains("simulated", failed.Message);
        Assert.Equal(3, rasterizer.Calls);
        Assert.Equal(before, Snapshot(scratch.Report));
        Assert.Contains("Previous run", File.ReadAllText(previous.PathOf("report.md")));
        // The temporary folder is gone: the report folder is the only entry beside it.
        Assert.Equal(["report"], Directory.EnumerateFileSystemEntries(scratch.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailedFirstWriteLeavesNothing()
    {
        using var scratch = new Scratch();
        Assert.Throws<IOException>(() => StudyReport.Write(LungReport.Result,
            LungReport.Options(scratch.Report) with { Formats = ReportFormats.Png, Rasterizer = new FailingRasterizer() }));
        Assert.False(Directory.Exists(scratch.Report));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Root));
    }

    [Fact]
    public void ANewReportReplacesTheOldOneWhole()
    {
        using var scratch = new Scratch();
        StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Assert.True(Directory.Exists(Path.Combine(scratch.Report, "tables")));

        var second = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report) with { Formats = ReportFormats.Markdown });

        Assert.False(Directory.Exists(Path.Combine(scratch.Report, "tables")));
        Assert.False(File.Exists(Path.Combine(scratch.Report, "report.html")));
        Assert.Equal(second.Files.Select(f => f.Path).Order(StringComparer.Ordinal), Snapshot(scratch.Report).Keys);
        Assert.Equal(["report"], Directory.EnumerateFileSystemEntries(scratch.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void AFolderThatIsNotAReportIsNeverReplaced()
    {
        using var scratch = new Scratch();
        Directory.CreateDirectory(scratch.Report);
        var precious = Path.Combine(scratch.Report, "thesis.docx");
        File.WriteAllText(precious, "years of work");

        var refused = Assert.Throws<IOException>(() => StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report)));

        Assert.Contains("not empty", refused.Message);
        Assert.Equal("years of work", File.ReadAllText(precious));
        Assert.Single(Directory.EnumerateFileSystemEntries(scratch.Report));
    }

    [Fact]
    public void AnEmptyFolderIsUsed()
    {
        using var scratch = new Scratch();
        Directory.CreateDirectory(scratch.Report);
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Assert.True(File.Exists(output.PathOf("report.md")));
    }

    [Fact]
    public void PngWithoutARasterizerIsRefusedBeforeAnythingIsWritten()
    {
        using var scratch = new Scratch();
        Assert.Throws<ArgumentException>(() => StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report) with { Formats = ReportFormats.Png }));
        Assert.False(Directory.Exists(scratch.Root));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
