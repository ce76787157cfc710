using DocumentFormat.OpenXml.Wordprocessing;

namespace Pnen.Dsl.Report;

/// <summary>Paragraphs and runs of plain text (no markup: the report's text is plain).</summary>
internal static class DocxText
{
    public static Paragraph Paragraph(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    /// <summary>A bullet item: a bullet and a tab under a hanging indent, which needs no numbering part.</summary>
    public static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Bullet }), Run("\u2022"), new Run(new TabChar()), Run(text));

    public static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        return run;
    }
}
