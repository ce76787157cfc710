using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Pnen.Dsl.Report;
using Pnen.Report.Png;

namespace Pnen.Report.Tests;

/// <summary>
/// report.docx: every table of the Markdown report as a Word table with the same title, cells and
/// footnotes; grouped headers as the document declares them; every figure embedded; a package the
/// Open XML SDK's validator finds nothing wrong with; and the same bytes when written twice.
/// </summary>
public class DocxTests
{
    private static ReportOptions Options(string folder) => LungReport.Options(folder) with
    {
        Formats = ReportFormats.Markdown | ReportFormats.Docx,
        Rasterizer = new SkiaRasterizer(scale: 1),
    };

    [Fact]
    public void TheWordTablesHoldTheMarkdownTables()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, Options(scratch.Report));
        var word = DocxReading.Word(File.ReadAllBytes(output.PathOf("report.docx")));
        var markdown = DocxReading.Markdown(File.ReadAllText(output.PathOf("report.md")));
        var document = StudyReport.Build(LungReport.Result, Options(scratch.Report));
        var declared = document.Tables.ToArray();

        Assert.Equal(declared.Length, markdown.Count);
        Assert.Equal(markdown.Count, word.Count);
        for (var t = 0; t < word.Count; t++)
        {
            Assert.Equal(markdown[t].Title, word[t].Title);
            Assert.Equal(markdown[t].Rows, word[t].Rows);
            Assert.Equal(markdown[t].Footnotes, word[t].Footnotes);
            // Markdown flattens grouped headers ("Univariate analysis: P"); Word keeps the groups over their columns.
            Assert.Equal([declared[t].LabelHeader, .. declared[t].Columns.Select(c => c.Group is null ? c.Header : c.Header)], word[t].Header);
            if (declared[t].Columns.All(c => c.Group is null)) Assert.Equal(markdown[t].Header, word[t].Header);
        }
    }

    [Fact]
    public void EveryFigureIsEmbeddedAndThePackageIsValid()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, Options(scratch.Report));
        using var docx = WordprocessingDocument.Open(output.PathOf("report.docx"), false);
        var figures = StudyReport.Build(LungReport.Result, Options(scratch.Report)).Figures.Count();
        Assert.Equal(figures, docx.MainDocumentPart!.ImageParts.Count());
        var errors = new OpenXmlValidator().Validate(docx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
        var headings = docx.MainDocumentPart.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToArray();
        Assert.Equal(StudyReport.Build(LungReport.Result, Options(scratch.Report)).Sections.Select(s => s.Title), headings);
    }

    [Fact]
    public void WritingTwiceGivesTheSameBytes()
    {
        using var scratch = new Scratch();
        var first = StudyReport.Write(LungReport.Result, Options(Path.Combine(scratch.Root, "a")));
        var second = StudyReport.Write(LungReport.Result, Options(Path.Combine(scratch.Root, "b")));
        var a = File.ReadAllBytes(first.PathOf("report.docx"));
        var b = File.ReadAllBytes(second.PathOf("report.docx"));
        // Part by part first, so that a difference names its part.
        Assert.Equal(Parts(a), Parts(b));
        Assert.Equal(a, b);
    }

    private static IReadOnlyList<(string Name, string Content)> Parts(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx), System.IO.Compression.ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(copy.ToArray())) + (e.FullName.EndsWith(".png", StringComparison.Ordinal) ? "" : System.Text.Encoding.UTF8.GetString(copy.ToArray())));
        }).ToArray();
    }

    [Fact]
    public void WordWithoutARasterizerIsRefused()
    {
        using var scratch = new Scratch();
        var error = Assert.Throws<ArgumentException>(() => StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report) with { Formats = ReportFormats.Docx }));
        Assert.Contains("rasterizer", error.Message);
        Assert.False(Directory.Exists(scratch.Report));
    }
}
