using System.Text;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// Writes SVG by hand: a handful of elements, every coordinate through <see cref="Numbers.Coordinate"/>,
/// attributes in a fixed order and "\n" line ends, so the same figure is always the same bytes.
/// Text is placed by its baseline (no dominant-baseline: renderers disagree on it).
/// </summary>
internal sealed class SvgWriter
{
    public const string FontFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    private readonly StringBuilder _text = new();
    private int _depth = 1;

    public SvgWriter(double width, double height, string title)
    {
        // Whole-unit sizes, so a PNG at an integer scale has exactly the figure's size.
        width = Math.Ceiling(width);
        height = Math.Ceiling(height);
        Width = width;
        Height = height;
        _text.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Coordinate(width))
            .Append("\" height=\"").Append(Coordinate(height))
            .Append("\" viewBox=\"0 0 ").Append(Coordinate(width)).Append(' ').Append(Coordinate(height))
            .Append("\" font-family=\"").Append(FontFamily).Append("\" role=\"img\">\n");
        _text.Append("  <title>").Append(Escape(title)).Append("</title>\n");
        Rect(0, 0, width, height, "#ffffff");
    }

    public double Width { get; }

    public double Height { get; }

    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1, double radius = 0)
    {
        Indent().Append("<rect x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" width=\"").Append(Coordinate(width)).Append("\" height=\"").Append(Coordinate(height)).Append('"');
        if (radius > 0) _text.Append(" rx=\"").Append(Coordinate(radius)).Append('"');
        _text.Append(" fill=\"").Append(fill).Append('"');
        if (stroke is not null) _text.Append(" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Coordinate(strokeWidth)).Append('"');
        _text.Append("/>\n");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
    {
        Indent().Append("<line x1=\"").Append(Coordinate(x1)).Append("\" y1=\"").Append(Coordinate(y1))
            .Append("\" x2=\"").Append(Coordinate(x2)).Append("\" y2=\"").Append(Coordinate(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Coordinate(strokeWidth)).Append('"');
        if (dash is not null) _text.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _text.Append("/>\n");
    }

    public void Path(PathData data, string stroke, double strokeWidth = 1, string fill = "none", string? linejoin = null, string? dash = null)
    {
        if (data.IsEmpty) return;
        Indent().Append("<path d=\"").Append(data).Append("\" fill=\"").Append(fill)
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(Coordinate(strokeWidth)).Append('"');
        if (linejoin is not null) _text.Append(" stroke-linejoin=\"").Append(linejoin).Append('"');
        if (dash is not null) _text.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        _text.Append("/>\n");
    }

    public void FilledPath(PathData data, string fill)
    {
        if (data.IsEmpty) return;
        Indent().Append("<path d=\"").Append(data).Append("\" fill=\"").Append(fill).Append("\"/>\n");
    }

    /// <summary>Text with its baseline at <paramref name="y"/>.</summary>
    public void Text(double x, double y, string text, double size, TextAnchor anchor = TextAnchor.Start, bool bold = false, string fill = "#000000", bool italic = false)
    {
        Indent().Append("<text x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" font-size=\"").Append(Coordinate(size)).Append('"');
        if (anchor != TextAnchor.Start) _text.Append(" text-anchor=\"").Append(anchor == TextAnchor.Middle ? "middle" : "end").Append('"');
        if (bold) _text.Append(" font-weight=\"bold\"");
        if (italic) _text.Append(" font-style=\"italic\"");
        if (fill != "#000000") _text.Append(" fill=\"").Append(fill).Append('"');
        _text.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    /// <summary>Text turned by -90° about its anchor point (a y-axis title).</summary>
    public void VerticalText(double x, double y, string text, double size)
    {
        Indent().Append("<text x=\"").Append(Coordinate(x)).Append("\" y=\"").Append(Coordinate(y))
            .Append("\" font-size=\"").Append(Coordinate(size)).Append("\" text-anchor=\"middle\" transform=\"rotate(-90 ")
            .Append(Coordinate(x)).Append(' ').Append(Coordinate(y)).Append(")\">").Append(Escape(text)).Append("</text>\n");
    }

    public void OpenGroup(string comment)
    {
        Indent().Append("<g><!-- ").Append(Escape(comment).Replace("--", "-", StringComparison.Ordinal)).Append(" -->\n");
        _depth++;
    }

    public void CloseGroup()
    {
        _depth--;
        Indent().Append("</g>\n");
    }

    public string Finish()
    {
        if (_depth != 1) throw new InvalidOperationException("An SVG group was left open.");
        return _text.Append("</svg>\n").ToString();
    }

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    private StringBuilder Indent() => _text.Append(' ', 2 * _depth);
}
