using Pnen.Stats.Survival;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// One Kaplan-Meier panel as survminer's ggsurvplot draws it: a legend on top, the step curves with
/// '+' at censored times, the log-rank P in the lower left, left and bottom axes, and the numbers at
/// risk under the time axis at every tick, each row in its curve's colour.
/// </summary>
internal sealed class KaplanMeierPanel
{
    private const double FontSize = 12;
    private const double SmallFont = 11;
    private const double Padding = 8;          // ggplot's axis expansion: S = 1 and t = 0 sit off the axes
    private const double RiskRowHeight = 17;
    private const double CensorHalf = 3.5;
    private const double LegendKey = 22;
    private const double LegendRowHeight = 18;

    /// <summary>The curves to draw: each with the index of its level (for its colour).</summary>
    public required IReadOnlyList<(int Level, KaplanMeierCurve Curve)> Curves { get; init; }

    public required string ExposureLabel { get; init; }

    public string? Letter { get; init; }

    public string? Title { get; init; }

    public LogRankResult? LogRank { get; init; }

    /// <summary>What the test is called on the panel: the log-rank test, or Mantel-Byar's on time-dependent rows.</summary>
    public string TestName { get; init; } = "Log-rank";

    public required TimeAxis Axis { get; init; }

    public required string TimeTitle { get; init; }

    public string SurvivalTitle { get; init; } = "Survival probability";

    public double PlotHeight { get; init; } = 300;

    /// <summary>The level labels every panel of a figure must make room for, so their axes line up.</summary>
    public IReadOnlyList<string> AlignWith { get; init; } = [];

    /// <summary>The cohort the panel shows, whose arm sizes the numbers at risk at the start repeat.</summary>
    public string Cohort { get; init; } = "";

    /// <summary>Small-cell suppression: curves stop where fewer than the threshold are at risk, and
    /// small numbers at risk (and arm sizes the report hides) read as the marker.</summary>
    public Disclosure Disclosure { get; init; } = Disclosure.None;

    /// <summary>The height the panel takes at a given width.</summary>
    public double Height(double width) => Layout(width).Total;

    public void Draw(SvgWriter svg, double x0, double y0, double width)
    {
        var layout = Layout(width);
        var shown = Curves.Where(c => c.Curve.N > 0).ToArray();
        svg.OpenGroup(Title ?? "Kaplan-Meier curves");

        var y = y0 + Padding;
        if (Title is not null || Letter is not null)
        {
            var x = x0 + 4;
            if (Letter is not null)
            {
                svg.Text(x, y + 15, Letter, 16, bold: true);
                x += TextMetrics.Width(Letter, 16, bold: true) + 10;
            }
            if (Title is not null) svg.Text(x, y + 15, Title, 13, bold: true);
            y += 26;
        }

        // Legend: the exposure's label, then a line key and the label of each level.
        y = DrawLegend(svg, shown, x0 + 4, y, LegendWidth(width));

        var left = x0 + layout.Left;
        var right = x0 + width - layout.Right;
        var top = y + 4;
        var bottom = top + PlotHeight;
        double X(double t) => left + Padding + (right - left - 2 * Padding) * t / Axis.Max;
        double Y(double s) => bottom - Padding - (bottom - top - Padding) * s;
        double T(double px) => (px - left - Padding) * Axis.Max / (right - left - 2 * Padding);

        // Axes: survminer's classic theme draws only the left and bottom lines, no grid.
        svg.Line(left, top, left, bottom, Palette.Axis);
        svg.Line(left, bottom, right, bottom, Palette.Axis);
        foreach (var s in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            svg.Line(left - 4, Y(s), left, Y(s), Palette.Axis);
            svg.Text(left - 7, Y(s) + 4, Fixed(s, 2), SmallFont, TextAnchor.End);
        }
        svg.VerticalText(left - 44, (top + bottom) / 2, SurvivalTitle, FontSize);
        var tickDecimals = Decimals(Axis.Step);
        foreach (var t in Axis.Ticks)
        {
            svg.Line(X(t), bottom, X(t), bottom + 4, Palette.Axis);
            svg.Text(X(t), bottom + 17, Fixed(t, tickDecimals), SmallFont, TextAnchor.Middle);
        }
        svg.Text((left + right) / 2, bottom + 35, TimeTitle, FontSize, TextAnchor.Middle);

        foreach (var (level, curve) in shown) DrawCurve(svg, curve, Palette.Of(level), X, Y, Disclosure.Threshold ?? 0);

        if (LogRank?.PValue is { } p)
        {
            var text = p < 0.001 ? $"{TestName} P < 0.001" : $"{TestName} P = " + Fixed(p, 3);
            var (px, py) = PlaceText(shown, TextMetrics.Width(text, FontSize), X(0) + 6, right - Padding, Y, T);
            svg.Text(px, py, text, FontSize);
        }

        // Numbers at risk: a row per curve, a number under each tick.
        var riskTop = bottom + 48;
        svg.Text(x0 + 4, riskTop + 13, "Number at risk", FontSize, bold: true);
        for (var r = 0; r < shown.Length; r++)
        {
            var (level, curve) = shown[r];
            var baseline = riskTop + 20 + (r + 1) * RiskRowHeight - 4;
            svg.Text(left - 7, baseline, curve.Level, SmallFont, TextAnchor.End, bold: true, fill: Palette.Of(level));
            foreach (var t in Axis.Ticks)
            {
                svg.Text(X(t), baseline, AtRisk(curve, curve.AtRiskAt(t)), SmallFont, TextAnchor.Middle, fill: Palette.Of(level));
            }
        }
        svg.CloseGroup();
    }

    /// <summary>
    /// Where the log-rank P goes: survminer's lower-left corner, unless a curve runs through it; then
    /// the lower right, the upper right, or the middle right, whichever no curve crosses (else lower left).
    /// </summary>
    private static (double X, double Baseline) PlaceText(
        IReadOnlyList<(int Level, KaplanMeierCurve Curve)> shown, double textWidth, double leftX, double rightX, Func<double, double> y, Func<double, double> time)
    {
        var candidates = new (double X, double Baseline)[]
        {
            (leftX, y(0.08)),
            (rightX - textWidth, y(0.08)),
            (rightX - textWidth, y(0.93)),
            (rightX - textWidth, y(0.55)),
        };
        foreach (var (x, baseline) in candidates)
        {
            if (!shown.Any(c => Crosses(c.Curve, time(x - 4), time(x + textWidth + 4), baseline - 14, baseline + 6, y))) return (x, baseline);
        }
        return candidates[0];
    }

    /// <summary>Whether a curve's steps pass through a box (times <paramref name="t1"/> to <paramref name="t2"/>,
    /// pixels <paramref name="top"/> to <paramref name="bottom"/>): between the two times the curve takes every
    /// value from S just before t1 down to S(t2), drops included, and it ends at its last time.</summary>
    private static bool Crosses(KaplanMeierCurve curve, double t1, double t2, double top, double bottom, Func<double, double> y)
    {
        var last = curve.Steps.Count == 0 ? 0 : curve.Steps[^1].Time;
        if (t1 > last + 1e-9) return false;
        var high = y(curve.SurvivalAt(Math.Max(t1, 0) - 1e-9 * Math.Max(1, Math.Abs(t1))));
        var low = y(curve.SurvivalAt(Math.Min(t2, last)));
        // Pixel y grows downwards: the curve spans [high, low] in pixels.
        return low >= top - CensorHalf && high <= bottom + CensorHalf;
    }

    private double DrawLegend(SvgWriter svg, IReadOnlyList<(int Level, KaplanMeierCurve Curve)> shown, double x0, double y, double width)
    {
        svg.Text(x0, y + 13, ExposureLabel, FontSize);
        var places = LegendPlaces(shown.Select(s => s.Curve.Level).ToArray(), width);
        for (var i = 0; i < shown.Count; i++)
        {
            var (x, row) = places[i];
            var top = y + row * LegendRowHeight;
            svg.Line(x0 + x, top + 9, x0 + x + LegendKey, top + 9, Palette.Of(shown[i].Level), 2);
            svg.Text(x0 + x + LegendKey + 6, top + 13, shown[i].Curve.Level, FontSize);
        }
        return y + (places.Count == 0 ? 0 : places[^1].Row) * LegendRowHeight + 20;
    }

    /// <summary>Where each legend item goes (x from the legend's left, and its row): after the
    /// exposure's label, wrapping to a new row when the next item would pass <paramref name="width"/>.</summary>
    private IReadOnlyList<(double X, int Row)> LegendPlaces(IReadOnlyList<string> levels, double width)
    {
        var places = new List<(double, int)>();
        var x = TextMetrics.Width(ExposureLabel, FontSize) + 14;
        var row = 0;
        foreach (var level in levels)
        {
            var itemWidth = LegendKey + 6 + TextMetrics.Width(level, FontSize) + 16;
            if (x + itemWidth > width && x > 0)
            {
                row++;
                x = 0;
            }
            places.Add((x, row));
            x += itemWidth;
        }
        return places;
    }

    /// <summary>A number at risk; the arm's size when everyone still is, so it is hidden where the arm's size is.</summary>
    private string AtRisk(KaplanMeierCurve curve, int atRisk) =>
        atRisk == curve.N ? Disclosure.Text(CountKey.Arm(Cohort, curve.Level, curve.N)) : Disclosure.Alone(atRisk);

    /// <param name="minimumAtRisk">Under small-cell suppression, the curve stops before the first time
    /// with fewer at risk: each later step would be the event of a patient one could single out.</param>
    private static void DrawCurve(SvgWriter svg, KaplanMeierCurve curve, string colour, Func<double, double> x, Func<double, double> y, int minimumAtRisk)
    {
        var steps = curve.Steps.TakeWhile(s => s.AtRisk >= minimumAtRisk).ToArray();
        if (steps.Length == 0) return;

        // Steps: horizontal to each event time, then down; the line ends at the last time seen.
        var path = new PathData().MoveTo(x(0), y(1));
        var survival = 1.0;
        foreach (var step in steps)
        {
            path.Horizontal(x(step.Time));
            if (step.Survival != survival)
            {
                path.Vertical(y(step.Survival));
                survival = step.Survival;
            }
        }
        svg.Path(path, colour, 1.8, linejoin: "miter");

        var ticks = new PathData();
        foreach (var step in steps.Where(s => s.Censored > 0))
        {
            var cx = x(step.Time);
            var cy = y(step.Survival);
            ticks.MoveTo(cx - CensorHalf, cy).Horizontal(cx + CensorHalf).MoveTo(cx, cy - CensorHalf).Vertical(cy + CensorHalf);
        }
        svg.Path(ticks, colour, 1.2);
    }

    private (double Left, double Right, double Total) Layout(double width)
    {
        var shown = Curves.Where(c => c.Curve.N > 0).Select(c => c.Curve.Level).ToArray();
        // The left margin holds the y labels and title, and the risk table's level labels.
        var labels = shown.Concat(AlignWith).Select(level => TextMetrics.Width(level, SmallFont, bold: true)).DefaultIfEmpty(0).Max();
        var left = Math.Max(62, labels + 16);
        var right = 18 + TextMetrics.Width(Fixed(Axis.Max, Decimals(Axis.Step)), SmallFont) / 2;
        var legendRows = LegendPlaces(shown, LegendWidth(width)).Select(p => p.Row).DefaultIfEmpty(0).Max();
        var header = Padding + (Title is not null || Letter is not null ? 26 : 0) + 20 + legendRows * LegendRowHeight;
        var total = header + 4 + PlotHeight + 48 + 20 + shown.Length * RiskRowHeight + 10;
        return (left, right, total);
    }

    private static double LegendWidth(double panelWidth) => panelWidth - 16;

    private static int Decimals(double step) => step == Math.Floor(step) ? 0 : step * 10 == Math.Floor(step * 10) ? 1 : 2;
}
