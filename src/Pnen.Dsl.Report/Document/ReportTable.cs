namespace Pnen.Dsl.Report;

/// <summary>
/// A table in journal form: columns (optionally under spanning group headers), rows of
/// characteristics and their levels, and footnotes. <see cref="FileName"/> names its CSV
/// (<c>tables/{FileName}.csv</c>). The first column is the row label and is not in <see cref="Columns"/>.
/// </summary>
public sealed record ReportTable(
    string FileName,
    string Title,
    string LabelHeader,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<TableRow> Rows,
    IReadOnlyList<string> Footnotes) : ReportBlock;
