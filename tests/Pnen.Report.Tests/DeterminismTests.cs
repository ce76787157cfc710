using Pnen.Dsl.Report;

namespace Pnen.Report.Tests;

/// <summary>Two runs on the same input write the same files with the same bytes, and nothing in them
/// depends on where the report was written.</summary>
public class DeterminismTests
{
    [Fact]
    public void TwoRunsWriteIdenticalBytes()
    {
        using var scratch = new Scratch();
        var first = StudyReport.Write(LungReport.Result, LungReport.Options(Path.Combine(scratch.Root, "one")));
        var second = StudyReport.Write(LungReport.Result, LungReport.Options(Path.Combine(scratch.Root, "two", "nested")));

        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        Assert.Contains(first.Files, f => f.Path == "manifest.json");
        foreach (var file in first.Files)
        {
            Assert.True(File.ReadAllBytes(first.PathOf(file.Path)).AsSpan().SequenceEqual(File.ReadAllBytes(second.PathOf(file.Path))), $"{file.Path} differs between runs");
        }
    }

    [Fact]
    public void RewritingTheSameFolderGivesTheSameBytes()
    {
        using var scratch = new Scratch();
        var first = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        var before = first.Files.ToDictionary(f => f.Path, f => File.ReadAllBytes(first.PathOf(f.Path)));
        var second = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), second.Files.Select(f => f.Path));
        foreach (var (path, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(second.PathOf(path)));
    }

    [Fact]
    public void NoFileNamesTheOutputFolderOrUsesCrLf()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        foreach (var file in output.Files)
        {
            var text = File.ReadAllText(output.PathOf(file.Path));
            Assert.DoesNotContain(scratch.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain("pnen-report-tests", text, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', text);
        }
    }
}
