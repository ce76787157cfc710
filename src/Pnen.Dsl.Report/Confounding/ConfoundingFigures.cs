namespace Pnen.Dsl.Report;

/// <summary>
/// The figures of the confounding section, one panel per cohort on a two-column grid as the survival
/// figure: the Kaplan-Meier curves with the weights (numbers at risk are records), and the adjusted curves.
/// </summary>
internal static class ConfoundingFigures
{
    private const double PanelWidth = 540;
    private const double Gap = 12;

    public static string WeightedCurves<TX>(IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TimeAxis axis, Disclosure disclosure) where TX : notnull
    {
        var levels = cohorts.SelectMany(c => c.Weighting!.Curves.Where(curve => curve.N > 0).Select(curve => curve.Level)).Distinct().ToArray();
        var panels = cohorts.Select((c, i) => new KaplanMeierPanel
        {
            // The weighted arms are counts of their own, registered under the cohort's weighted name.
            Cohort = CountKey.Weighted(c.Name),
            Disclosure = disclosure,
            Curves = c.Weighting!.Curves.Select((curve, level) => (level, curve)).ToArray(),
            ExposureLabel = summary.ExposureLabel,
            Letter = cohorts.Count == 1 ? null : Letter(i),
            Title = $"{c.Name} (N = {disclosure.Text(CountKey.WeightingN(c.Name, c.Weighting.N))})",
            Axis = axis,
            TimeTitle = TimeTitle(summary),
            SurvivalTitle = "Weighted survival probability",
            PlotHeight = 260,
            AlignWith = levels,
        }).ToArray();
        return Grid(panels.Length, i => panels[i].Height(PanelWidth), (svg, i, x, y) => panels[i].Draw(svg, x, y, PanelWidth),
            $"Kaplan-Meier curves with inverse probability of treatment weights by {Prose.Inline(summary.ExposureLabel)}");
    }

    public static string AdjustedCurves<TX>(IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TimeAxis axis, Disclosure disclosure) where TX : notnull
    {
        var panels = cohorts.Select((c, i) => new StepCurvesPanel
        {
            Title = (cohorts.Count == 1 ? "" : Letter(i) + "  ") + $"{c.Name} (N = {disclosure.Text(CountKey.CurvesN(c.Name, c.AdjustedCurves!.N))})",
            LegendTitle = summary.ExposureLabel,
            Curves = c.AdjustedCurves!.Levels.Select((level, l) => (l, level)).Where(x => x.level.Curve is not null)
                .Select(x => (x.l, x.level.Level, x.level.Curve!.Time, x.level.Curve.Survival)).ToArray(),
            Axis = axis,
            TimeTitle = TimeTitle(summary),
            SurvivalTitle = "Adjusted survival probability",
            StopAt = StopAt(c, disclosure),
        }).ToArray();
        return Grid(panels.Length, i => panels[i].Height, (svg, i, x, y) => panels[i].Draw(svg, x, y, PanelWidth),
            $"Survival by {Prose.Inline(summary.ExposureLabel)} adjusted by direct standardisation");
    }

    /// <summary>Under small-cell suppression the adjusted curves stop where fewer than the threshold remain at
    /// risk in the cohort (a later step is one patient's event).</summary>
    private static double? StopAt<TX>(CohortResult<TX> cohort, Disclosure disclosure) where TX : notnull =>
        disclosure.Threshold is { } t ? cohort.Overall.Steps.TakeWhile(s => s.AtRisk >= t).Select(s => (double?)s.Time).LastOrDefault() ?? 0 : null;

    private static string TimeTitle(StudySummary summary) => summary.TimeUnit is { Length: > 0 } unit ? $"Time ({unit})" : "Time";

    private static string Letter(int index) => ((char)('A' + index % 26)).ToString();

    /// <summary>Panels on a grid of one or two columns, each row as tall as its tallest panel.</summary>
    private static string Grid(int count, Func<int, double> height, Action<SvgWriter, int, double, double> draw, string title)
    {
        var columns = count == 1 ? 1 : 2;
        var rows = (count + columns - 1) / columns;
        var heights = Enumerable.Range(0, rows).Select(r => Enumerable.Range(r * columns, Math.Min(columns, count - r * columns)).Max(height)).ToArray();
        var svg = new SvgWriter(columns * PanelWidth + (columns - 1) * Gap, heights.Sum() + (rows - 1) * Gap, title);
        var y = 0.0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns && r * columns + c < count; c++) draw(svg, r * columns + c, c * (PanelWidth + Gap), y);
            y += heights[r] + Gap;
        }
        return svg.Finish();
    }
}
