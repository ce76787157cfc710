namespace Pnen.Dsl.Report;

/// <summary>A box of the flow diagram: its lines (wrapped to a width), measured before it is placed.</summary>
internal sealed class FlowBox
{
    public const double FontSize = 12;
    public const double LineHeight = 16;
    public const double Padding = 9;

    private FlowBox(IReadOnlyList<(string Text, bool Bold)> lines, double width, bool leftAligned)
    {
        Lines = lines;
        Width = width;
        LeftAligned = leftAligned;
    }

    public IReadOnlyList<(string Text, bool Bold)> Lines { get; }

    public double Width { get; }

    public double Height => Lines.Count * LineHeight + 2 * Padding - 2;

    public bool LeftAligned { get; }

    public double X { get; set; }

    public double Y { get; set; }

    public double CentreX => X + Width / 2;

    public double Bottom => Y + Height;

    /// <summary>A box whose lines wrap at <paramref name="maxWidth"/>; its width is that of its widest line.</summary>
    public static FlowBox Of(IEnumerable<(string Text, bool Bold)> lines, double maxWidth, double minWidth = 120, bool leftAligned = false)
    {
        var wrapped = new List<(string, bool)>();
        foreach (var (text, bold) in lines)
        {
            wrapped.AddRange(TextMetrics.Wrap(text, FontSize, maxWidth - 2 * Padding, bold).Select(l => (l, bold)));
        }
        var width = Math.Max(minWidth, wrapped.Max(l => TextMetrics.Width(l.Item1, FontSize, l.Item2)) + 2 * Padding);
        return new FlowBox(wrapped, Math.Ceiling(width), leftAligned);
    }

    public void Draw(SvgWriter svg)
    {
        svg.Rect(X, Y, Width, Height, Palette.BoxFill, Palette.Axis, 1);
        for (var i = 0; i < Lines.Count; i++)
        {
            var baseline = Y + Padding + i * LineHeight + 11;
            if (LeftAligned) svg.Text(X + Padding, baseline, Lines[i].Text, FontSize, bold: Lines[i].Bold);
            else svg.Text(CentreX, baseline, Lines[i].Text, FontSize, TextAnchor.Middle, bold: Lines[i].Bold);
        }
    }
}
