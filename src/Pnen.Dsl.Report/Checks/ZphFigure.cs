using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The residual plots of a model's proportional hazards test, as R's <c>plot.cox.zph</c> draws them: one
/// panel per term, the scaled Schoenfeld residuals (β̂ plus the residual) at each event against time on
/// the Kaplan-Meier scale, with time labels under the axis, the natural-spline smooth (solid) and its
/// ±2 standard error band (dashed), and a dotted line at the coefficient: a smooth that wanders away from
/// the line is a hazard ratio that changes over time. Under small-cell suppression the points (single
/// patients' event times) are left out and only the smooth and its band are drawn.
/// </summary>
internal static class ZphFigure
{
    private const double PanelWidth = 360;
    private const double PlotHeight = 200;
    private const double Gap = 12;
    private const double Left = 58;
    private const double Right = 16;
    private const double Top = 46;
    private const double Bottom = 48;
    private const double PointSize = 2.6;
    private const string PointColour = "#7f7f7f";

    public static string Draw<TX>(CohortResult<TX> cohort, ModelResult<TX> model, string? timeUnit, Disclosure disclosure) where TX : notnull
    {
        var ph = model.ProportionalHazards!;
        var panels = ph.Terms;
        var columns = panels.Count == 1 ? 1 : 2;
        var rows = (panels.Count + columns - 1) / columns;
        var panelHeight = Top + PlotHeight + Bottom;
        var width = columns * PanelWidth + (columns - 1) * Gap;
        var footer = Wrap((disclosure.Active
            ? "Points not shown (each is one patient's event); smooth and band only."
            : "Points: scaled Schoenfeld residuals at each event.") + " Solid: smooth; dashed: \u00b12 standard errors; dotted: the coefficient.", width - 16);
        var svg = new SvgWriter(width, rows * panelHeight + (rows - 1) * Gap + 8 + 15 * footer.Count,
            $"Scaled Schoenfeld residuals of the model {model.Name}: {cohort.Name}");
        var timeTitle = timeUnit is { Length: > 0 } unit ? $"Time ({unit}), Kaplan\u2013Meier scale" : "Time, Kaplan\u2013Meier scale";
        for (var i = 0; i < panels.Count; i++)
        {
            var x0 = i % columns * (PanelWidth + Gap);
            var y0 = i / columns * (panelHeight + Gap);
            Panel(svg, ph, panels[i], model, x0, y0, timeTitle, showPoints: !disclosure.Active);
        }
        for (var line = 0; line < footer.Count; line++)
        {
            svg.Text(8, rows * panelHeight + (rows - 1) * Gap + 14 + 15 * line, footer[line], 11, fill: Palette.Muted);
        }
        return svg.Finish();
    }

    /// <summary>What a caption adds under small-cell suppression.</summary>
    public static string DisclosureCaption(Disclosure disclosure) =>
        disclosure.Active ? " Residual points are not shown under small-cell suppression (each is one patient's event time): the smooth and its band only." : "";

    private static void Panel<TX>(SvgWriter svg, ProportionalHazardsResult ph, ProportionalHazardsTerm term, ModelResult<TX> model, double x0, double y0, string timeTitle, bool showPoints)
        where TX : notnull
    {
        svg.OpenGroup($"Proportional hazards: {term.Label}");
        var declared = model.Terms.FirstOrDefault(t => t.Id == term.Id);
        var label = declared is null ? term.Label : ModelsTable.TermLabel(declared);
        svg.Text(x0 + 8, y0 + 18, label, 13, bold: true);
        var p = term.Test.P;
        var flagged = p < ProportionalHazardsTable.Flag;
        svg.Text(x0 + 8, y0 + 34, $"Test: chi-square {(term.Test.ChiSquare is { } chi ? Fixed(chi, 2) : Dash)}, df {Integer(term.Test.Df)}, P {(p is { } value ? (value < 0.001 ? "< 0.001" : "= " + PValue(value)) : "not defined")}" +
            (flagged ? " " + ProportionalHazardsTable.Mark : ""), 11, bold: flagged, fill: flagged ? "#000000" : Palette.Muted);

        var points = new List<(double X, double Y)>();
        for (var e = 0; e < term.Residuals.Count && e < ph.TransformedTimes.Count; e++)
        {
            if (term.Residuals[e] is { } r && double.IsFinite(r)) points.Add((ph.TransformedTimes[e], r));
        }
        var smooth = term.Smooth;
        var xs = points.Select(q => q.X).Concat(smooth?.X ?? []).ToArray();
        var ys = (showPoints ? points.Select(q => q.Y) : []).Concat(smooth?.Lower ?? []).Concat(smooth?.Upper ?? []).Append(term.Coefficient).Where(double.IsFinite).ToArray();
        var left = x0 + Left;
        var right = x0 + PanelWidth - Right;
        var top = y0 + Top;
        var bottom = top + PlotHeight;
        svg.Line(left, top, left, bottom, Palette.Axis);
        svg.Line(left, bottom, right, bottom, Palette.Axis);
        svg.VerticalText(x0 + 14, (top + bottom) / 2, "Beta(t)", 11);
        svg.Text((left + right) / 2, bottom + 36, timeTitle, 11, TextAnchor.Middle);
        if (xs.Length == 0)
        {
            svg.Text((left + right) / 2, (top + bottom) / 2, "no events to plot", 11, TextAnchor.Middle, fill: Palette.Muted);
            svg.CloseGroup();
            return;
        }

        var (xMin, xMax) = Span(xs.Min(), xs.Max());
        var (yMin, yMax, yTicks) = YAxis(ys.Min(), ys.Max());
        double X(double v) => left + 6 + (right - left - 12) * (v - xMin) / (xMax - xMin);
        double Y(double v) => bottom - 6 - (bottom - top - 12) * (v - yMin) / (yMax - yMin);

        foreach (var t in yTicks)
        {
            svg.Line(left - 4, Y(t), left, Y(t), Palette.Axis);
            svg.Text(left - 7, Y(t) + 4, Tick(t), 10, TextAnchor.End);
        }
        // plot.cox.zph's eight labelled times; where two rounded times fall close on the transformed
        // scale, the later label is left out rather than drawn over the earlier one.
        var lastRight = double.NegativeInfinity;
        foreach (var tick in ph.TimeAxis.Where(t => t.Position >= xMin && t.Position <= xMax))
        {
            var tickLabel = General(tick.Time, "");
            var half = TextMetrics.Width(tickLabel, 10) / 2;
            if (X(tick.Position) - half < lastRight + 4) continue;
            lastRight = X(tick.Position) + half;
            svg.Line(X(tick.Position), bottom, X(tick.Position), bottom + 4, Palette.Axis);
            svg.Text(X(tick.Position), bottom + 16, tickLabel, 10, TextAnchor.Middle);
        }

        svg.Line(left, Y(term.Coefficient), right, Y(term.Coefficient), Palette.Muted, 1, "2 3");
        if (showPoints)
        {
            var marks = new PathData();
            foreach (var (x, y) in points)
            {
                marks.MoveTo(X(x), Y(y) - PointSize).LineTo(X(x) + PointSize, Y(y)).LineTo(X(x), Y(y) + PointSize).LineTo(X(x) - PointSize, Y(y)).Close();
            }
            svg.Path(marks, PointColour, 0.8);
        }
        if (smooth is null)
        {
            svg.Text((left + right) / 2, top + 12, "no smooth: fewer than 4 distinct event times", 10, TextAnchor.Middle, fill: Palette.Muted);
        }
        else
        {
            svg.Path(Line(smooth.X, smooth.Fit, X, Y), Palette.Of(0), 1.8);
            svg.Path(Line(smooth.X, smooth.Lower, X, Y), Palette.Of(0), 1.1, dash: "5 3");
            svg.Path(Line(smooth.X, smooth.Upper, X, Y), Palette.Of(0), 1.1, dash: "5 3");
        }
        svg.CloseGroup();
    }

    /// <summary>Words on lines no wider than <paramref name="width"/> at the footer's size.</summary>
    private static List<string> Wrap(string text, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && TextMetrics.Width(candidate, 11) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        lines.Add(line);
        return lines;
    }

    private static PathData Line(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<double, double> px, Func<double, double> py)
    {
        var path = new PathData();
        for (var i = 0; i < x.Count; i++)
        {
            if (i == 0) path.MoveTo(px(x[i]), py(y[i]));
            else path.LineTo(px(x[i]), py(y[i]));
        }
        return path;
    }

    private static (double Min, double Max) Span(double min, double max) =>
        max > min ? (min, max) : (min - 0.5, max + 0.5);

    /// <summary>About five ticks at 1, 2 or 5 times a power of ten, covering the data.</summary>
    private static (double Min, double Max, double[] Ticks) YAxis(double min, double max)
    {
        (min, max) = Span(min, max);
        var raw = (max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        var first = Math.Ceiling(min / step - 1e-9) * step;
        var ticks = new List<double>();
        for (var t = first; t <= max + step * 1e-9; t += step) ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        return (min, max, ticks.ToArray());
    }

    private static string Tick(double value) => General(value, "", "G4");
}
