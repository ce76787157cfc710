namespace Pnen.Dsl.Report;

/// <summary>The whole report before it is rendered: a title, a provenance line and the sections in order.</summary>
public sealed record ReportDocument(string Title, string Provenance, IReadOnlyList<ReportSection> Sections)
{
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Blocks).OfType<ReportTable>();

    public IEnumerable<ReportFigure> Figures => Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>();
}
