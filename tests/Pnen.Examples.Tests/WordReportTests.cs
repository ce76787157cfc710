using Pnen.Report.Tests;
using PnenSurgery;

namespace Pnen.Examples.Tests;

/// <summary>The example study run as `dotnet run -- --format docx,md` (the example references
/// Pnen.Report.Png, which RunAsync finds): report.docx holds every table of report.md, cell for cell,
/// and every figure.</summary>
public class WordReportTests
{
    [Fact]
    public async Task TheWordReportHoldsTheMarkdownTables()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("pnen-example-docx-").FullName, "report");
        try
        {
            Assert.Equal(0, await PnenSurgeryStudy.RunAsync(["--out", folder, "--quiet", "--format", "docx,md"]));
            var docx = File.ReadAllBytes(Path.Combine(folder, "report.docx"));
            var word = DocxReading.Word(docx);
            var markdown = DocxReading.Markdown(File.ReadAllText(Path.Combine(folder, "report.md")));
            Assert.NotEmpty(markdown);
            Assert.Equal(markdown.Select(t => t.Title), word.Select(t => t.Title));
            for (var t = 0; t < word.Count; t++)
            {
                Assert.Equal(markdown[t].Rows, word[t].Rows);
                Assert.Equal(markdown[t].Footnotes, word[t].Footnotes);
            }
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx), System.IO.Compression.ZipArchiveMode.Read);
            var figures = Directory.GetFiles(Path.Combine(folder, "figures"), "*.svg").Length;
            Assert.InRange(zip.Entries.Count(e => e.FullName.EndsWith(".png", StringComparison.Ordinal)), 1, figures);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
