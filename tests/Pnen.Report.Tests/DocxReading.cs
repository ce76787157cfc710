using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pnen.Report.Tests;

/// <summary>
/// Reads report.docx and report.md back into plain tables (title, header texts, body rows of texts,
/// footnotes), so a test can check that the Word tables hold what the Markdown tables hold. Linked
/// into Pnen.Examples.Tests too.
/// </summary>
internal static class DocxReading
{
    public sealed record PlainTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Footnotes);

    /// <summary>The docx's tables: each with the paragraph before it (its title) and the "Table note"
    /// paragraphs after it; the header row is the last repeated header row, a merged cell giving
    /// the text of the cell it continues.</summary>
    public static IReadOnlyList<PlainTable> Word(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var elements = body.ChildElements.ToArray();
        var tables = new List<PlainTable>();
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i] is not Table table) continue;
            var title = elements[i - 1].InnerText;
            var rows = table.Elements<TableRow>().ToArray();
            var headers = rows.Where(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null).ToArray();
            var first = headers[0].Elements<TableCell>().ToArray();
            var last = headers[^1].Elements<TableCell>().ToArray();
            var header = new List<string>();
            // Cells of the last header row, with a vertically merged one taking the first row's text.
            for (int c = 0, f = 0, column = 0; c < last.Length; c++)
            {
                var cell = last[c];
                if (cell.TableCellProperties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    while (Start(first, f) < column) f++;
                    header.Add(first[f].InnerText);
                }
                else
                {
                    header.Add(cell.InnerText);
                }
                column++;
            }
            var body2 = rows.Skip(headers.Length).Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToArray();
            var notes = new List<string>();
            for (var j = i + 1; j < elements.Length && elements[j] is Paragraph p && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "TableNote"; j++) notes.Add(p.InnerText);
            tables.Add(new PlainTable(title, header, body2, notes));
        }
        return tables;
    }

    private static int Start(TableCell[] row, int index) =>
        row.Take(index).Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1);

    /// <summary>The Markdown report's pipe tables, unescaped, without bold markers or level indents.</summary>
    public static IReadOnlyList<PlainTable> Markdown(string markdown)
    {
        var lines = markdown.Split('\n');
        var tables = new List<PlainTable>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("| ", StringComparison.Ordinal) || i + 1 >= lines.Length || !lines[i + 1].StartsWith("| :---", StringComparison.Ordinal)) continue;
            var title = Plain(lines[i - 2]);
            var header = Cells(lines[i]);
            var rows = new List<IReadOnlyList<string>>();
            var j = i + 2;
            for (; j < lines.Length && lines[j].StartsWith('|'); j++) rows.Add(Cells(lines[j]));
            var notes = new List<string>();
            for (j++; j < lines.Length && lines[j].StartsWith("- ", StringComparison.Ordinal); j++) notes.Add(Plain(lines[j][2..]));
            tables.Add(new PlainTable(title, header, rows, notes));
            i = j;
        }
        return tables;
    }

    private static string[] Cells(string line)
    {
        // Split on '|' not escaped by a backslash.
        var cells = new List<string>();
        var current = new StringBuilder();
        for (var k = 1; k < line.Length; k++)
        {
            if (line[k] == '\\' && k + 1 < line.Length)
            {
                current.Append(line[k]).Append(line[k + 1]);
                k++;
            }
            else if (line[k] == '|')
            {
                cells.Add(Plain(current.ToString().Trim(' ').TrimStart('\u00a0')));
                current.Clear();
            }
            else
            {
                current.Append(line[k]);
            }
        }
        return cells.ToArray();
    }

    /// <summary>Markdown text as plain text: bold markers dropped, escapes undone.</summary>
    private static string Plain(string text)
    {
        var plain = new StringBuilder();
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '\\' && k + 1 < text.Length) plain.Append(text[++k]);
            else if (text[k] == '*' && k + 1 < text.Length && text[k + 1] == '*') k++;
            else plain.Append(text[k]);
        }
        return plain.ToString();
    }
}
