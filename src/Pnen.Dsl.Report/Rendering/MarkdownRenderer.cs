using System.Text;

namespace Pnen.Dsl.Report;

/// <summary>
/// The report as Markdown (GitHub pipe tables): the same sections, tables and footnotes as the HTML;
/// figures are images linking to their SVG files under <c>figures/</c>.
/// </summary>
internal static class MarkdownRenderer
{
    private const string Indent = "\u00a0\u00a0\u00a0\u00a0"; // no-break spaces survive cell trimming

    public static string Render(ReportDocument document)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        md.Append('*').Append(Escape(document.Provenance)).Append("*\n");
        foreach (var section in document.Sections)
        {
            md.Append("\n## ").Append(Escape(section.Title)).Append('\n');
            foreach (var block in section.Blocks)
            {
                md.Append('\n');
                switch (block)
                {
                    case ReportParagraph p:
                        md.Append(Escape(p.Text)).Append('\n');
                        break;
                    case ReportNotes notes:
                        foreach (var item in notes.Items) md.Append("- ").Append(Escape(item)).Append('\n');
                        break;
                    case ReportTable table:
                        Table(md, table);
                        break;
                    case ReportFigure figure:
                        md.Append("![").Append(Escape(figure.Caption)).Append("](figures/").Append(figure.FileName).Append(".svg)\n\n");
                        md.Append('*').Append(Escape(figure.Caption)).Append("*\n");
                        break;
                    default:
                        throw new NotSupportedException($"No Markdown for a {block.GetType().Name}.");
                }
            }
        }
        return md.ToString();
    }

    private static void Table(StringBuilder md, ReportTable table)
    {
        md.Append("**").Append(Escape(table.Title)).Append("**\n\n");
        md.Append("| ").Append(Escape(table.LabelHeader));
        foreach (var column in table.Columns) md.Append(" | ").Append(Escape(column.FlatHeader));
        md.Append(" |\n| :---");
        foreach (var _ in table.Columns) md.Append(" | :---:");
        md.Append(" |\n");
        foreach (var row in table.Rows)
        {
            md.Append("| ");
            md.Append(row.Kind switch
            {
                TableRowKind.Heading => "**" + Escape(row.Label) + "**",
                TableRowKind.Level => Indent + Escape(row.Label),
                _ => Escape(row.Label),
            });
            foreach (var cell in row.Cells)
            {
                md.Append(" | ");
                if (cell.Text.Length == 0) continue;
                md.Append(cell.Emphasis ? "**" + Escape(cell.Text) + "**" : Escape(cell.Text));
            }
            md.Append(" |\n");
        }
        md.Append('\n');
        foreach (var note in table.Footnotes) md.Append("- ").Append(Escape(note)).Append('\n');
    }

    /// <summary>Escapes what Markdown would read as markup; '&lt;' before a digit ("&lt;0.001") is not a tag and stays.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '|' or '`' or '[' or ']') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
