namespace Pnen.Dsl.Report;

/// <summary>
/// What a report run writes besides <c>manifest.json</c> and the SVG figures, which are always
/// written (the Markdown links to them). <see cref="Png"/> and <see cref="Docx"/> (whose figures are
/// PNGs) need a <see cref="ReportOptions.Rasterizer"/>.
/// </summary>
[Flags]
public enum ReportFormats
{
    None = 0,
    Html = 1,
    Markdown = 2,
    Csv = 4,
    Json = 8,
    Png = 16,

    /// <summary>report.docx: the whole report as a Word document, figures embedded as PNG.</summary>
    Docx = 32,

    /// <summary>Everything that needs no extra package: HTML, Markdown, CSV tables and results.json.</summary>
    Default = Html | Markdown | Csv | Json,
}
