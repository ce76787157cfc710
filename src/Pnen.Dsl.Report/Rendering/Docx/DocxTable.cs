using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WordRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Pnen.Dsl.Report;

/// <summary>
/// A report table as a Word table in journal form (lines above and below the header and at the
/// end, none between rows): the header repeats on every page; a column group ("Univariate
/// analysis") spans its columns on a first header row while ungrouped columns span both rows, as in
/// the HTML; characteristic rows are bold, their levels indented; significant P values bold.
/// </summary>
internal static class DocxTable
{
    private const int LabelTwips = 2600;
    private const int IndentTwips = 284;

    public static Table Build(ReportTable table)
    {
        var columns = table.Columns.Count;
        var dataTwips = columns == 0 ? 0 : (DocxPage.TextWidthTwips - LabelTwips) / columns;
        var word = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(Line<TopBorder>(12), Line<BottomBorder>(12)),
                new TableLayout { Type = TableLayoutValues.Autofit },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
            new TableGrid(new[] { LabelTwips }.Concat(Enumerable.Repeat(dataTwips, columns)).Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var grouped = table.Columns.Any(c => c.Group is not null);
        if (grouped)
        {
            // First row: the label and ungrouped headers start a vertical merge; a group spans its columns.
            var first = HeaderRow();
            first.Append(HeaderCell(table.LabelHeader, LabelTwips, merge: MergedCellValues.Restart, left: true));
            for (var i = 0; i < columns;)
            {
                var column = table.Columns[i];
                if (column.Group is null)
                {
                    first.Append(HeaderCell(column.Header, dataTwips, merge: MergedCellValues.Restart));
                    i++;
                    continue;
                }
                var span = 1;
                while (i + span < columns && table.Columns[i + span].Group == column.Group) span++;
                first.Append(HeaderCell(column.Group!, dataTwips * span, span: span, underline: true));
                i += span;
            }
            word.Append(first);
            var second = HeaderRow();
            second.Append(HeaderCell("", LabelTwips, merge: MergedCellValues.Continue, bottom: true, left: true));
            foreach (var column in table.Columns)
            {
                second.Append(column.Group is null
                    ? HeaderCell("", dataTwips, merge: MergedCellValues.Continue, bottom: true)
                    : HeaderCell(column.Header, dataTwips, bottom: true));
            }
            word.Append(second);
        }
        else
        {
            var header = HeaderRow();
            header.Append(HeaderCell(table.LabelHeader, LabelTwips, bottom: true, left: true));
            foreach (var column in table.Columns) header.Append(HeaderCell(column.Header, dataTwips, bottom: true));
            word.Append(header);
        }

        foreach (var row in table.Rows)
        {
            var tr = new WordRow(new TableRowProperties(new CantSplit()));
            tr.Append(Cell(row.Label, LabelTwips, bold: row.Kind == TableRowKind.Heading, left: true, indent: row.Kind == TableRowKind.Level));
            foreach (var cell in row.Cells) tr.Append(Cell(cell.Text, dataTwips, bold: cell.Emphasis));
            word.Append(tr);
        }
        return word;
    }

    private static WordRow HeaderRow() => new(new TableRowProperties(new TableHeader(), new CantSplit()));

    private static WordCell HeaderCell(string text, int twips, MergedCellValues? merge = null, int span = 1, bool bottom = false, bool underline = false, bool left = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = twips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
        if (bottom || underline) properties.Append(new TableCellBorders(Line<BottomBorder>(bottom ? 8u : 4u)));
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Bottom });
        // A lone "P" is set in italics, as journals print it.
        var paragraph = Paragraph(left ? JustificationValues.Left : JustificationValues.Center, 0);
        if (text.Length > 0)
        {
            var run = DocxText.Run(text, bold: true);
            if (text == "P") run.RunProperties!.Append(new Italic());
            paragraph.Append(run);
        }
        return new WordCell(properties, paragraph);
    }

    private static WordCell Cell(string text, int twips, bool bold = false, bool left = false, bool indent = false)
    {
        var paragraph = Paragraph(left ? JustificationValues.Left : JustificationValues.Center, indent ? IndentTwips : 0);
        if (text.Length > 0) paragraph.Append(DocxText.Run(text, bold));
        return new WordCell(new TableCellProperties(new TableCellWidth { Width = twips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), paragraph);
    }

    private static Paragraph Paragraph(JustificationValues justification, int indent)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.TableText });
        if (indent > 0) properties.Append(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        properties.Append(new Justification { Val = justification });
        return new Paragraph(properties);
    }

    private static T Line<T>(uint eighths) where T : BorderType, new() => new() { Val = BorderValues.Single, Size = eighths, Space = 0, Color = "000000" };
}
