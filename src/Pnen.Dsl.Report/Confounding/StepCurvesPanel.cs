using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// A panel of survival step curves that are not one group's Kaplan-Meier estimate (curves standardised to a
/// cohort): a title, a legend of the levels, survival from 0 to 1 against the shared time axis, each curve
/// in its level's colour; no censoring marks and no numbers at risk (the curves describe the whole cohort).
/// </summary>
internal sealed class StepCurvesPanel
{
    private const double FontSize = 12;
    private const double SmallFont = 11;
    private const double Padding = 8;
    private const double Left = 62;
    private const double Right = 24;

    public required string Title { get; init; }

    public required string LegendTitle { get; init; }

    /// <summary>Each curve: its level's index (its colour), label, times and survival (right-continuous steps).</summary>
    public required IReadOnlyList<(int Level, string Label, IReadOnlyList<double> Time, IReadOnlyList<double> Survival)> Curves { get; init; }

    public required TimeAxis Axis { get; init; }

    public required string TimeTitle { get; init; }

    public required string SurvivalTitle { get; init; }

    /// <summary>Where the curves stop (small-cell suppression: fewer at risk than the threshold); null: at their end.</summary>
    public double? StopAt { get; init; }

    public double PlotHeight { get; init; } = 260;

    public double Height => Padding + 26 + 22 + 4 + PlotHeight + 48;

    public void Draw(SvgWriter svg, double x0, double y0, double width)
    {
        svg.OpenGroup(Title);
        var y = y0 + Padding;
        svg.Text(x0 + 4, y + 15, Title, 13, bold: true);
        y += 26;
        svg.Text(x0 + 4, y + 13, LegendTitle, FontSize);
        var x = x0 + 4 + TextMetrics.Width(LegendTitle, FontSize) + 14;
        foreach (var (level, label, _, _) in Curves)
        {
            svg.Line(x, y + 9, x + 22, y + 9, Palette.Of(level), 2);
            svg.Text(x + 28, y + 13, label, FontSize);
            x += 28 + TextMetrics.Width(label, FontSize) + 16;
        }
        y += 22;

        var left = x0 + Left;
        var right = x0 + width - Right;
        var top = y + 4;
        var bottom = top + PlotHeight;
        double X(double t) => left + Padding + (right - left - 2 * Padding) * t / Axis.Max;
        double Y(double s) => bottom - Padding - (bottom - top - Padding) * s;
        svg.Line(left, top, left, bottom, Palette.Axis);
        svg.Line(left, bottom, right, bottom, Palette.Axis);
        foreach (var s in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            svg.Line(left - 4, Y(s), left, Y(s), Palette.Axis);
            svg.Text(left - 7, Y(s) + 4, Fixed(s, 2), SmallFont, TextAnchor.End);
        }
        svg.VerticalText(left - 44, (top + bottom) / 2, SurvivalTitle, FontSize);
        var decimals = Axis.Step == Math.Floor(Axis.Step) ? 0 : 1;
        foreach (var t in Axis.Ticks)
        {
            svg.Line(X(t), bottom, X(t), bottom + 4, Palette.Axis);
            svg.Text(X(t), bottom + 17, Fixed(t, decimals), SmallFont, TextAnchor.Middle);
        }
        svg.Text((left + right) / 2, bottom + 35, TimeTitle, FontSize, TextAnchor.Middle);

        foreach (var (level, _, time, survival) in Curves)
        {
            var path = new PathData().MoveTo(X(0), Y(1));
            var last = 1.0;
            for (var i = 0; i < time.Count && (StopAt is not { } stop || time[i] <= stop) && double.IsFinite(survival[i]); i++)
            {
                path.Horizontal(X(time[i]));
                if (survival[i] != last) path.Vertical(Y(survival[i]));
                last = survival[i];
            }
            svg.Path(path, Palette.Of(level), 1.8, linejoin: "miter");
        }
        svg.CloseGroup();
    }
}
