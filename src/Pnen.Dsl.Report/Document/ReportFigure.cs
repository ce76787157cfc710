namespace Pnen.Dsl.Report;

/// <summary>
/// A figure: the SVG text (written to <c>figures/{FileName}.svg</c>, inlined into the HTML) and its
/// caption. <see cref="FileName"/> is a stem without extension, unique within a report.
/// </summary>
public sealed record ReportFigure(string FileName, string Caption, string Svg) : ReportBlock;
