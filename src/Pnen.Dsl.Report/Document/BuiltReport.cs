namespace Pnen.Dsl.Report;

/// <summary>The laid-out report and the figures that are written as files but not shown in it
/// (single panels of a multi-panel figure).</summary>
internal sealed record BuiltReport(ReportDocument Document, IReadOnlyList<ReportFigure> SupplementaryFigures);
