using System.Text;

namespace Pnen.Dsl.Report;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and inline SVG figures, no script, no
/// external reference of any kind, and print rules that keep figures and table rows whole.
/// </summary>
internal static class HtmlRenderer
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; color: #111; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 1.6em; margin: 0 0 0.2em; }
        h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
        p.provenance { color: #555; font-size: 0.85em; margin-top: 0; }
        .table-block { margin: 1.4em 0 2em; overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.9em; margin: 0.4em 0; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.5em; caption-side: top; }
        thead tr:first-child th { border-top: 2px solid #111; }
        thead tr:last-child th { border-bottom: 1px solid #111; }
        tbody tr:last-child td { border-bottom: 2px solid #111; }
        th, td { padding: 3px 10px; text-align: center; vertical-align: top; }
        td + td { white-space: nowrap; }
        th.group { border-bottom: 1px solid #111; }
        th:first-child, td:first-child { text-align: left; }
        tr.heading td:first-child { font-weight: bold; }
        tr.level td:first-child { padding-left: 26px; }
        td.significant { font-weight: bold; }
        ol.footnotes, ul.footnotes { font-size: 0.8em; color: #333; margin: 0.5em 0 0; padding-left: 1.2em; }
        figure { margin: 1.6em 0 2em; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 0.9em; margin-top: 0.5em; }
        @media print {
          main { max-width: none; padding: 0; }
          figure, tr, .footnotes { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          .table-block { overflow: visible; }
        }
        @page { margin: 16mm; }
        """;

    public static string Render(ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(Encode(document.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        html.Append("<p class=\"provenance\">").Append(Encode(document.Provenance)).Append("</p>\n");
        foreach (var section in document.Sections)
        {
            html.Append("<section>\n<h2>").Append(Encode(section.Title)).Append("</h2>\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph p:
                        html.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                        break;
                    case ReportNotes notes:
                        html.Append("<ul>\n");
                        foreach (var item in notes.Items) html.Append("<li>").Append(Encode(item)).Append("</li>\n");
                        html.Append("</ul>\n");
                        break;
                    case ReportTable table:
                        Table(html, table);
                        break;
                    case ReportFigure figure:
                        html.Append("<figure id=\"figure-").Append(Encode(figure.FileName)).Append("\">\n").Append(Inline(figure.Svg));
                        html.Append("<figcaption>").Append(Encode(figure.Caption)).Append("</figcaption>\n</figure>\n");
                        break;
                    default:
                        throw new NotSupportedException($"No HTML for a {block.GetType().Name}.");
                }
            }
            html.Append("</section>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, ReportTable table)
    {
        html.Append("<div class=\"table-block\" id=\"table-").Append(Encode(table.FileName)).Append("\">\n<table>\n<caption>").Append(Encode(table.Title)).Append("</caption>\n<thead>\n");
        var grouped = table.Columns.Any(c => c.Group is not null);
        if (grouped)
        {
            // Two header rows: groups span their columns; ungrouped columns span both rows.
            html.Append("<tr><th rowspan=\"2\">").Append(Encode(table.LabelHeader)).Append("</th>");
            for (var i = 0; i < table.Columns.Count;)
            {
                var column = table.Columns[i];
                if (column.Group is null)
                {
                    html.Append("<th rowspan=\"2\">").Append(Encode(column.Header)).Append("</th>");
                    i++;
                    continue;
                }
                var span = 1;
                while (i + span < table.Columns.Count && table.Columns[i + span].Group == column.Group) span++;
                html.Append("<th class=\"group\" colspan=\"").Append(span).Append("\">").Append(Encode(column.Group)).Append("</th>");
                i += span;
            }
            html.Append("</tr>\n<tr>");
            foreach (var column in table.Columns.Where(c => c.Group is not null)) html.Append("<th>").Append(Header(column.Header)).Append("</th>");
            html.Append("</tr>\n");
        }
        else
        {
            html.Append("<tr><th>").Append(Encode(table.LabelHeader)).Append("</th>");
            foreach (var column in table.Columns) html.Append("<th>").Append(Header(column.Header)).Append("</th>");
            html.Append("</tr>\n");
        }
        html.Append("</thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr class=\"").Append(row.Kind.ToString().ToLowerInvariant()).Append("\"><td>").Append(Encode(row.Label)).Append("</td>");
            foreach (var cell in row.Cells)
            {
                html.Append(cell.Emphasis ? "<td class=\"significant\">" : "<td>").Append(Encode(cell.Text)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        if (table.Footnotes.Count > 0)
        {
            html.Append("<ul class=\"footnotes\">\n");
            foreach (var note in table.Footnotes) html.Append("<li>").Append(Encode(note)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</div>\n");
    }

    /// <summary>A column header; a lone "P" is set in italics, as journals print it, and "n = 15"
    /// never breaks across lines.</summary>
    private static string Header(string text) => text == "P" ? "<i>P</i>" : Encode(text).Replace(" = ", "&nbsp;=&nbsp;", StringComparison.Ordinal);

    /// <summary>Inline SVG needs no namespace declaration in HTML, and dropping it leaves the page
    /// without a single "http" in it.</summary>
    private static string Inline(string svg) => svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);

    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
