namespace Pnen.Dsl.Report;

/// <summary>How a row reads: a characteristic heading, a level under it, or a row of its own.</summary>
public enum TableRowKind
{
    Heading,
    Level,
    Plain,
}

/// <summary>One row: its label, the characteristic it belongs to (for a level row; the CSV gets it in
/// its own column), and one cell per column.</summary>
public sealed record TableRow(TableRowKind Kind, string Label, string? Characteristic, IReadOnlyList<TableCell> Cells);
