namespace Pnen.Dsl.Report;

/// <summary>
/// Turns a figure's SVG into PNG bytes. The core report has no graphics dependency; a rasterizer
/// (e.g. <c>Pnen.Report.Png</c>'s Skia one) is plugged in through <see cref="ReportOptions.Rasterizer"/>.
/// It must be deterministic: the same SVG gives the same bytes.
/// </summary>
public interface IFigureRasterizer
{
    /// <summary>A short description for the manifest (library and version, resolution).</summary>
    string Description { get; }

    byte[] Rasterize(string svg);
}
