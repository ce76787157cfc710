using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// A forest plot laid out as survminer's ggforest: per group (bold; a model's term, or a cohort) its
/// rows with their n, a square at the hazard ratio with its 95% CI bar on a log scale, a dashed line at
/// 1, the HR (95% CI) and P as text; "Reference" for a reference level; rows striped by group; notes
/// underneath. <see cref="ModelForest"/> and <see cref="SubgroupForest"/> lay out what it draws.
/// </summary>
internal static class ForestPlot
{
    private const double FontSize = 12;
    private const double FootnoteSize = 11;
    private const double RowHeight = 22;
    private const double PlotWidth = 260;
    private const double Margin = 12;
    private const double ColumnGap = 16;
    private static readonly double[] Candidates = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];

    /// <param name="groupColumn">The header of a column of text per group, shown on its first row (the subgroup
    /// forest's "P for interaction"), or null.</param>
    public static string Draw(IReadOnlyList<ForestRow> rows, IReadOnlyList<string> footer, string title, string axisCaption, ReportOptions options, string? groupColumn = null)
    {
        static string Count(ForestRow r) => r.Count;
        if (FirthText.AnyBeside(rows.Select(r => r.Estimate))) footer = [.. footer, FirthText.ForestFootnote];
        string Estimate(Estimate e) => e switch
        {
            { IsReference: true } => "Reference",
            { PossiblyInfinite: true, Firth: { } firth } => $"{FirthText.Label} {FirthText.Interval(firth.HazardRatio, firth.Lower, firth.Upper, options.RatioDecimals)}",
            { PossiblyInfinite: true } => "not estimable",
            { HazardRatio: { } hr, Lower: { } lo, Upper: { } hi } => HazardRatio(hr, lo, hi, options.RatioDecimals),
            _ => "not estimated",
        };

        // Column positions from the widest text of each column.
        var characteristicWidth = rows.Select(r => TextMetrics.Width(r.Group, FontSize, bold: true)).DefaultIfEmpty(0).Max();
        var levelWidth = rows.Select(r => TextMetrics.Width(r.Label, FontSize)).DefaultIfEmpty(0).Max();
        var countWidth = rows.Select(r => TextMetrics.Width(Count(r), FontSize)).DefaultIfEmpty(0).Max();
        var estimateWidth = Math.Max(TextMetrics.Width("HR (95% CI)", FontSize, bold: true), rows.Select(r => TextMetrics.Width(Estimate(r.Estimate), FontSize)).DefaultIfEmpty(0).Max());
        var xLevel = Margin + characteristicWidth + ColumnGap;
        var xCount = xLevel + levelWidth + ColumnGap;
        var xPlot = xCount + countWidth + ColumnGap;
        var xEstimate = xPlot + PlotWidth + ColumnGap;
        var xP = xEstimate + estimateWidth + ColumnGap;
        var xGroup = xP + TextMetrics.Width("<0.001", FontSize, bold: true) + ColumnGap;
        var width = groupColumn is null
            ? xP + TextMetrics.Width("<0.001", FontSize, bold: true) + Margin
            : xGroup + Math.Max(TextMetrics.Width(groupColumn, FontSize, bold: true), rows.Select(r => TextMetrics.Width(r.GroupText ?? "", FontSize)).DefaultIfEmpty(0).Max()) + Margin;

        var (low, high) = Range(rows.Select(r => r.Estimate).ToArray());
        double X(double hr) => xPlot + PlotWidth * (Math.Log(Math.Clamp(hr, low, high)) - Math.Log(low)) / (Math.Log(high) - Math.Log(low));

        // Notes wrap to the figure's width rather than run off it.
        var notes = footer.SelectMany(line => TextMetrics.Wrap(line, FootnoteSize, width - 2 * Margin)).ToArray();
        var top = 34.0;
        var bottom = top + rows.Count * RowHeight;
        var height = bottom + 44 + notes.Length * 16 + Margin;
        var svg = new SvgWriter(width, height, title);

        svg.Text(xPlot + PlotWidth / 2, 20, "Hazard ratio", FontSize, TextAnchor.Middle, bold: true);
        svg.Text(xEstimate, 20, "HR (95% CI)", FontSize, bold: true);
        svg.Text(xP, 20, "P", FontSize, bold: true, italic: true);
        if (groupColumn is not null) svg.Text(xGroup, 20, groupColumn, FontSize, bold: true);

        // Stripes by characteristic, as ggforest shades alternate variables.
        var stripe = false;
        string? current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Group != current)
            {
                current = rows[i].Group;
                stripe = !stripe;
            }
            if (stripe) svg.Rect(Margin / 2, top + i * RowHeight, width - Margin, RowHeight, Palette.Stripe);
        }

        svg.Line(X(1), top, X(1), bottom, Palette.Muted, 1, "4 3");
        current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var baseline = top + i * RowHeight + 15;
            var centre = top + i * RowHeight + RowHeight / 2;
            if (row.Group != current)
            {
                current = row.Group;
                svg.Text(Margin, baseline, row.Group, FontSize, bold: true);
                if (groupColumn is not null && row.GroupText is { } groupText) svg.Text(xGroup, baseline, groupText, FontSize);
            }
            svg.Text(xLevel, baseline, row.Label, FontSize);
            svg.Text(xCount, baseline, Count(row), FontSize, fill: Palette.Muted);
            var e = row.Estimate;
            var firth = e.PossiblyInfinite ? e.Firth : null;
            svg.Text(xEstimate, baseline, Estimate(e), FontSize, fill: e.IsEstimated || firth is not null ? "#000000" : Palette.Muted, italic: !e.IsEstimated);
            if (!e.IsReference && (firth?.P ?? (e.PossiblyInfinite ? null : e.P)) is { } p)
            {
                var significant = p <= options.SignificanceLevel;
                svg.Text(xP, baseline, PValue(p), FontSize, bold: significant);
            }
            if (e is { IsEstimated: true, HazardRatio: { } hr, Lower: { } lo, Upper: { } hi })
            {
                DrawInterval(svg, X, low, high, hr, lo, hi, centre);
            }
            else if (firth is not null)
            {
                // Firth's estimate: an open square, its interval open-ended where a profile limit did not converge.
                DrawInterval(svg, X, low, high, firth.HazardRatio, firth.Lower ?? low / 2, firth.Upper ?? high * 2, centre, open: true);
            }
        }

        // The log axis: ticks at the candidates inside the range (1-2-5 steps, fewer when crowded).
        svg.Line(xPlot, bottom, xPlot + PlotWidth, bottom, Palette.Axis);
        var ticks = Candidates.Where(c => c >= low * 0.999 && c <= high * 1.001).ToArray();
        if (ticks.Length > 7)
        {
            // Crowded: keep the powers of ten, the fives, and both ends of the axis.
            bool Kept(double t) => IsPowerOfTen(t) || IsPowerOfTen(t / 5) || t == ticks[0] || t == ticks[^1];
            ticks = ticks.Where(Kept).ToArray();
        }
        foreach (var t in ticks)
        {
            svg.Line(X(t), bottom, X(t), bottom + 4, Palette.Axis);
            svg.Text(X(t), bottom + 16, TickLabel(t), 11, TextAnchor.Middle);
        }
        svg.Text(xPlot + PlotWidth / 2, bottom + 32, axisCaption, 11, TextAnchor.Middle);

        var y = bottom + 50;
        foreach (var line in notes)
        {
            svg.Text(Margin, y, line, FootnoteSize, fill: Palette.Muted);
            y += 16;
        }
        return svg.Finish();
    }

    private static void DrawInterval(SvgWriter svg, Func<double, double> x, double low, double high, double hr, double lo, double hi, double centre, bool open = false)
    {
        var left = x(lo);
        var right = x(hi);
        svg.Line(left, centre, right, centre, Palette.Axis, 1.3);
        // An interval that runs past the axis ends in an arrow, not at the edge as if it stopped there.
        if (lo < low) Arrow(svg, left, centre, -1);
        else svg.Line(left, centre - 4, left, centre + 4, Palette.Axis, 1.3);
        if (hi > high) Arrow(svg, right, centre, 1);
        else svg.Line(right, centre - 4, right, centre + 4, Palette.Axis, 1.3);
        if (hr >= low && hr <= high) svg.Rect(x(hr) - 4, centre - 4, 8, 8, open ? Palette.BoxFill : Palette.Axis, open ? Palette.Axis : null, 1.3);
    }

    private static void Arrow(SvgWriter svg, double x, double y, int direction) =>
        svg.FilledPath(new PathData().MoveTo(x + direction * 6, y).LineTo(x, y - 4).LineTo(x, y + 4).Close(), Palette.Axis);

    /// <summary>The axis runs between candidate ticks that enclose every finite limit and 1, within 0.01-100.</summary>
    private static (double Low, double High) Range(IReadOnlyList<Estimate> rows)
    {
        var values = rows.Where(r => !r.IsReference && !r.PossiblyInfinite)
            .SelectMany(r => new[] { r.Lower, r.HazardRatio, r.Upper })
            .Concat(rows.Where(r => r.PossiblyInfinite && r.Firth is not null).SelectMany(r => new[] { r.Firth!.Lower, r.Firth.HazardRatio, r.Firth.Upper }))
            .OfType<double>().Where(v => double.IsFinite(v) && v > 0).Append(1.0).ToArray();
        var min = values.Min();
        var max = values.Max();
        var low = Candidates.LastOrDefault(c => c <= min * 1.0001, Candidates[0]);
        var high = Candidates.FirstOrDefault(c => c >= max / 1.0001, Candidates[^1]);
        if (low >= 1 && high <= 1) (low, high) = (0.5, 2);
        if (low >= 1) low = 0.5;
        if (high <= 1) high = 2;
        return (low, high);
    }

    private static bool IsPowerOfTen(double t) => Math.Abs(Math.Log10(t) - Math.Round(Math.Log10(t))) < 1e-9;

    private static string TickLabel(double t) => t >= 1 ? Fixed(t, 0) : t >= 0.1 ? Fixed(t, 1) : Fixed(t, 2);
}

/// <summary>One row of a forest plot: its group (a term, a cohort) and label (a level), a count, the
/// estimate, and the group's text for an extra column.</summary>
internal sealed record ForestRow(string Group, string Label, string Count, Estimate Estimate, string? GroupText = null);
