using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pnen.Dsl.Report;

/// <summary>
/// The report as a Word document (report.docx), written with the Open XML SDK: the title and provenance,
/// each section under a heading, the Methods and other text as paragraphs, every table as a real Word
/// table (a repeated header row, spanning group headers, bold characteristic rows, indented levels,
/// bold significant P values) with its title above and its footnotes below, and every figure as an
/// embedded PNG with its caption. The same document and PNGs give the same bytes (see <see cref="DocxPackage"/>).
/// </summary>
internal static class DocxRenderer
{
    /// <param name="png">The PNG of a figure (from the report's rasterizer).</param>
    public static byte[] Render(ReportDocument document, Func<ReportFigure, byte[]> png)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = package.AddNewPart<MainDocumentPart>(DocxIds.MainContentType, DocxIds.Document);
            main.AddNewPart<StyleDefinitionsPart>(DocxIds.Styles).Styles = DocxStyles.Create();
            var figures = new DocxFigures(main);
            var body = new Body();
            body.Append(DocxText.Paragraph(document.Title, DocxStyles.Title));
            body.Append(DocxText.Paragraph(document.Provenance, DocxStyles.Provenance));
            foreach (var section in document.Sections)
            {
                body.Append(DocxText.Paragraph(section.Title, DocxStyles.Heading));
                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case ReportParagraph p:
                            body.Append(DocxText.Paragraph(p.Text, DocxStyles.Body));
                            break;
                        case ReportNotes notes:
                            foreach (var item in notes.Items) body.Append(DocxText.Bullet(item));
                            break;
                        case ReportTable table:
                            body.Append(DocxText.Paragraph(table.Title, DocxStyles.TableTitle));
                            body.Append(DocxTable.Build(table));
                            foreach (var note in table.Footnotes) body.Append(DocxText.Paragraph(note, DocxStyles.TableNote));
                            break;
                        case ReportFigure figure:
                            body.Append(figures.Add(figure, png(figure)));
                            body.Append(DocxText.Paragraph(figure.Caption, DocxStyles.Caption));
                            break;
                        default:
                            throw new NotSupportedException($"No Word rendering for a {block.GetType().Name}.");
                    }
                }
            }
            body.Append(DocxPage.Section());
            main.Document = new Document(body);
        }
        return DocxPackage.Normalise(stream.ToArray());
    }
}
