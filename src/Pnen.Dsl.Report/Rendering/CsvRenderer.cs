using System.Text;

namespace Pnen.Dsl.Report;

/// <summary>
/// A table as CSV (RFC 4180 quoting, '\n' line ends, UTF-8 without BOM), with the printed text of
/// each cell. A level row names its characteristic in the first column and the level in the second,
/// so the file filters and pivots; the numbers at full precision are in results.json.
/// </summary>
internal static class CsvRenderer
{
    public static string Render(ReportTable table)
    {
        var csv = new StringBuilder();
        var levels = table.Rows.Any(r => r.Kind == TableRowKind.Level);
        var header = new List<string> { table.LabelHeader };
        if (levels) header.Add("Level");
        header.AddRange(table.Columns.Select(c => c.FlatHeader));
        Line(csv, header);
        foreach (var row in table.Rows)
        {
            var cells = new List<string>();
            if (row.Kind == TableRowKind.Level)
            {
                cells.Add(row.Characteristic ?? "");
                cells.Add(row.Label);
            }
            else
            {
                cells.Add(row.Label);
                if (levels) cells.Add("");
            }
            cells.AddRange(row.Cells.Select(c => c.Text));
            Line(csv, cells);
        }
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first) csv.Append(',');
            first = false;
            if (cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 || cell != cell.Trim())
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }
        csv.Append('\n');
    }
}
