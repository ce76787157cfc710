using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// A love plot as cobalt's love.plot draws it: one row per covariate (and level of a categorical one), the
/// standardised difference before weighting (hollow circle) and after (filled), a solid line at 0 and dashed
/// lines at ±0.1; one panel per comparison with the reference when the exposure has three or more levels.
/// A difference beyond the axis sits at its end as a triangle pointing outwards.
/// </summary>
internal static class LovePlot
{
    private const double FontSize = 12;
    private const double RowHeight = 18;
    private const double PanelWidth = 240;
    private const double PanelGap = 36;
    private const double Margin = 12;
    private const double Radius = 4;
    private static readonly string Before = Palette.Of(1);
    private static readonly string After = Palette.Of(0);

    public static string Draw<TX>(CohortResult<TX> cohort, StudySummary summary) where TX : notnull
    {
        var w = cohort.Weighting!;
        var rows = w.Balance;
        var reference = w.Levels[w.Reference];
        var comparisons = w.Levels.Where((_, l) => l != w.Reference).ToArray();
        string Label(CovariateBalance<TX> row) => row.Level is null ? row.Label : $"{row.Label}: {row.Level}";

        var largest = rows.SelectMany(r => r.Comparisons).SelectMany(c => new[] { c.Before, c.After }).OfType<double>().Select(Math.Abs).DefaultIfEmpty(0).Max();
        // A symmetric axis to the next 0.5 (at least ±0.5, at most ±2), ticks every 0.25 up to ±0.5 and every 0.5 beyond.
        var limit = Math.Min(2, Math.Max(0.5, Math.Ceiling(largest / 0.5) * 0.5));
        var step = limit <= 0.5 ? 0.25 : 0.5;
        var labelWidth = rows.Select(r => TextMetrics.Width(Label(r), FontSize)).DefaultIfEmpty(0).Max();
        var left = Margin + labelWidth + 12;
        var top = 64.0;
        var bottom = top + rows.Count * RowHeight;
        var width = left + comparisons.Length * PanelWidth + (comparisons.Length - 1) * PanelGap + Margin;
        var height = bottom + 48;
        var svg = new SvgWriter(width, height, $"Love plot: standardised differences before and after weighting, {cohort.Name}");

        // Legend: the two markers.
        svg.Rect(left + Radius, 14, 2 * Radius, 2 * Radius, "#ffffff", Before, 1.5, Radius);
        svg.Text(left + 3 * Radius + 6, 22, "Before weighting", FontSize);
        var afterX = left + 3 * Radius + 6 + TextMetrics.Width("Before weighting", FontSize) + 20;
        svg.Rect(afterX, 14, 2 * Radius, 2 * Radius, After, null, 1, Radius);
        svg.Text(afterX + 2 * Radius + 6, 22, "After weighting", FontSize);

        for (var i = 0; i < rows.Count; i++)
        {
            if (i % 2 == 0) svg.Rect(Margin / 2, top + i * RowHeight, width - Margin, RowHeight, Palette.Stripe);
            svg.Text(Margin, top + i * RowHeight + 13, Label(rows[i]), FontSize);
        }

        for (var p = 0; p < comparisons.Length; p++)
        {
            var x0 = left + p * (PanelWidth + PanelGap);
            double X(double smd) => x0 + PanelWidth * (Math.Clamp(smd, -limit, limit) + limit) / (2 * limit);
            svg.Text(x0 + PanelWidth / 2, top - 12, $"{comparisons[p]} vs {reference}", FontSize, TextAnchor.Middle, bold: true);
            svg.Line(X(0), top, X(0), bottom, Palette.Muted);
            svg.Line(X(-WeightingResult<TX>.BalanceThreshold), top, X(-WeightingResult<TX>.BalanceThreshold), bottom, Palette.Muted, 1, "4 3");
            svg.Line(X(WeightingResult<TX>.BalanceThreshold), top, X(WeightingResult<TX>.BalanceThreshold), bottom, Palette.Muted, 1, "4 3");
            svg.Line(x0, bottom, x0 + PanelWidth, bottom, Palette.Axis);
            for (var k = -(int)Math.Round(limit / step); k <= (int)Math.Round(limit / step); k++)
            {
                var tick = k * step;
                svg.Line(X(tick), bottom, X(tick), bottom + 4, Palette.Axis);
                svg.Text(X(tick), bottom + 16, Fixed(tick, step < 0.5 ? 2 : 1), 11, TextAnchor.Middle);
            }
            for (var i = 0; i < rows.Count; i++)
            {
                var comparison = rows[i].Comparisons[p];
                var y = top + i * RowHeight + RowHeight / 2;
                if (comparison.Before is { } before) Marker(svg, X(before), y, before, limit, hollow: true);
                if (comparison.After is { } after) Marker(svg, X(after), y, after, limit, hollow: false);
            }
        }
        svg.Text(left + (width - left - Margin) / 2, bottom + 34, $"Standardised mean difference (dashed: \u00b1{Fixed(WeightingResult<TX>.BalanceThreshold, 1)})", 11, TextAnchor.Middle);
        return svg.Finish();
    }

    private static void Marker(SvgWriter svg, double x, double y, double smd, double limit, bool hollow)
    {
        var colour = hollow ? Before : After;
        if (Math.Abs(smd) > limit)
        {
            var direction = Math.Sign(smd);
            var tip = new PathData().MoveTo(x + direction * Radius, y).LineTo(x - direction * Radius, y - Radius).LineTo(x - direction * Radius, y + Radius).Close();
            if (hollow) svg.Path(tip, colour, 1.5, "#ffffff");
            else svg.FilledPath(tip, colour);
            return;
        }
        if (hollow) svg.Rect(x - Radius, y - Radius, 2 * Radius, 2 * Radius, "#ffffff", colour, 1.5, Radius);
        else svg.Rect(x - Radius, y - Radius, 2 * Radius, 2 * Radius, colour, null, 1, Radius);
    }
}
