namespace Pnen.Dsl.Report;

/// <summary>
/// Kaplan-Meier figures by exposure level: one cohort alone, or several cohorts as lettered panels
/// on a two-column grid (the paper's Figure 2: A the full cohort, B-D the subgroups). Every panel of
/// a figure shares the time axis, so the panels can be compared by eye.
/// </summary>
internal static class KaplanMeierFigure
{
    private const double SingleWidth = 720;
    private const double PanelWidth = 540;
    private const double Gap = 12;

    public static string Single<TX>(CohortResult<TX> cohort, StudySummary summary, TimeAxis axis, Disclosure disclosure) where TX : notnull
    {
        var panel = Panel(cohort, summary, axis, letter: null, plotHeight: 340, disclosure);
        var height = panel.Height(SingleWidth);
        var svg = new SvgWriter(SingleWidth, height, $"Kaplan-Meier curves of {Prose.Inline(summary.OutcomeLabel)} by {Prose.Inline(summary.ExposureLabel)}: {CohortTitle(cohort, disclosure)}");
        panel.Draw(svg, 0, 0, SingleWidth);
        return svg.Finish();
    }

    public static string Panels<TX>(IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TimeAxis axis, Disclosure disclosure) where TX : notnull
    {
        var levels = cohorts.SelectMany(c => c.ExposureCurves.Where(curve => curve.N > 0).Select(curve => curve.Level)).Distinct().ToArray();
        var panels = cohorts.Select((c, i) => Panel(c, summary, axis, Letter(i), plotHeight: 260, disclosure, alignWith: levels)).ToArray();
        return Grid(panels, $"Kaplan-Meier curves of {Prose.Inline(summary.OutcomeLabel)} by {Prose.Inline(summary.ExposureLabel)}, panels {string.Join(", ", cohorts.Select((c, i) => Letter(i) + " " + c.Name))}");
    }

    /// <summary>Panels on a two-column grid (one column for one panel), under one title.</summary>
    private static string Grid(KaplanMeierPanel[] panels, string title)
    {
        var columns = panels.Length == 1 ? 1 : 2;
        var rows = (panels.Length + columns - 1) / columns;
        var rowHeights = Enumerable.Range(0, rows)
            .Select(r => panels.Skip(r * columns).Take(columns).Max(p => p.Height(PanelWidth)))
            .ToArray();
        var width = columns * PanelWidth + (columns - 1) * Gap;
        var svg = new SvgWriter(width, rowHeights.Sum() + (rows - 1) * Gap, title);
        var y = 0.0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns && r * columns + c < panels.Length; c++)
            {
                panels[r * columns + c].Draw(svg, c * (PanelWidth + Gap), y, PanelWidth);
            }
            y += rowHeights[r] + Gap;
        }
        return svg.Finish();
    }

    /// <summary>The Simon-Makuch curves of the cohorts' immortal-time checks, as lettered panels.</summary>
    public static string SimonMakuch<TX>(IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TimeAxis axis, Disclosure disclosure) where TX : notnull
    {
        var levels = cohorts.SelectMany(c => c.ImmortalTime!.SimonMakuch.Where(curve => curve.N > 0).Select(curve => curve.Level)).Distinct().ToArray();
        var panels = cohorts.Select((c, i) => Panel(c, c.ImmortalTime!.SimonMakuch, c.ImmortalTime.MantelByar, summary, axis, cohorts.Count == 1 ? null : Letter(i), 260, disclosure, levels, timeDependent: true)).ToArray();
        return Grid(panels, $"Simon-Makuch curves of {Prose.Inline(summary.OutcomeLabel)} by current {Prose.Inline(summary.ExposureLabel)}, panels {string.Join(", ", cohorts.Select((c, i) => Letter(i) + " " + c.Name))}");
    }

    public static string CohortTitle<TX>(CohortResult<TX> cohort, Disclosure disclosure) where TX : notnull =>
        $"{cohort.Name} (N = {disclosure.Text(CountKey.CohortN(cohort.Name, cohort.N))})";

    /// <summary>What a caption adds under small-cell suppression: where the curves stop, and what the marker means.</summary>
    public static string DisclosureCaption(Disclosure disclosure) => disclosure.Threshold is { } t
        ? $" Curves stop where fewer than {Numbers.Integer(t)} patients are at risk; {Disclosure.Marker} in the numbers at risk: fewer than {Numbers.Integer(t)}, or an arm's size that is not shown."
        : "";

    private static string Letter(int index) => ((char)('A' + index % 26)).ToString();

    private static KaplanMeierPanel Panel<TX>(CohortResult<TX> cohort, StudySummary summary, TimeAxis axis, string? letter, double plotHeight, Disclosure disclosure, IReadOnlyList<string>? alignWith = null)
        where TX : notnull =>
        Panel(cohort, cohort.ExposureCurves, cohort.ExposureLogRank, summary, axis, letter, plotHeight, disclosure, alignWith, cohort.TimeDependentExposure);

    private static KaplanMeierPanel Panel<TX>(CohortResult<TX> cohort, IReadOnlyList<Stats.Survival.KaplanMeierCurve> curves, Stats.Survival.LogRankResult test,
        StudySummary summary, TimeAxis axis, string? letter, double plotHeight, Disclosure disclosure, IReadOnlyList<string>? alignWith = null, bool timeDependent = false)
        where TX : notnull =>
        new()
        {
            TestName = timeDependent ? "Mantel-Byar" : "Log-rank",
            Cohort = cohort.Name,
            Disclosure = disclosure,
            Curves = curves.Select((curve, level) => (level, curve)).ToArray(),
            ExposureLabel = summary.ExposureLabel,
            Letter = letter,
            Title = CohortTitle(cohort, disclosure),
            LogRank = test,
            Axis = axis,
            TimeTitle = summary.TimeUnit is { Length: > 0 } unit ? $"Time ({unit})" : "Time",
            SurvivalTitle = "Survival probability",
            PlotHeight = plotHeight,
            AlignWith = alignWith ?? [],
        };
}
