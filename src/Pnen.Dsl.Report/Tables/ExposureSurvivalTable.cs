using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The numbers behind the Kaplan-Meier figure: per cohort, its size, events, median follow-up and
/// median survival, then per exposure level n, events and the median with its 95% CI, and the
/// log-rank P of the levels.
/// </summary>
internal static class ExposureSurvivalTable
{
    public static ReportTable Build<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var columns = new[]
        {
            new TableColumn("n"),
            new TableColumn("Events"),
            new TableColumn($"Median (95% CI){TableText.Unit(summary)}"),
            new TableColumn("Log-rank P"),
        };
        var rows = new List<TableRow>();
        foreach (var cohort in cohorts)
        {
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null,
                [text.Count(CountKey.CohortN(cohort.Name, cohort.N)), text.Count(CountKey.CohortEvents(cohort.Name, cohort.Events)),
                 text.Disclosure.IsSmall(cohort.N) ? Disclosure.Marker : MedianWithCi(cohort.Overall.Median, text), text.P(cohort.ExposureLogRank.PValue)]));
            foreach (var curve in cohort.ExposureCurves)
            {
                var median = curve.N == 0 ? Dash : text.Disclosure.IsSmall(curve.N) ? Disclosure.Marker : MedianWithCi(curve.Median, text);
                rows.Add(new TableRow(TableRowKind.Level, curve.Level, cohort.Name,
                    [text.Count(CountKey.Arm(cohort.Name, curve.Level, curve.N)), text.Count(CountKey.ArmEvents(cohort.Name, curve.Level, curve.Events)), median, TableCell.Empty]));
            }
        }
        var followUp = string.Join("; ", cohorts.Select(c => $"{c.Name} {(text.Disclosure.IsSmall(c.N) ? Disclosure.Marker : c.MedianFollowUp is { } f ? text.Time(f) : "not reached (too few censored)")}"));
        var footnotes = new List<string>
        {
            $"Median (95% CI): Kaplan\u2013Meier median {Prose.Inline(summary.OutcomeLabel)}{TableText.InUnit(summary)} with its 95% confidence interval (log transformation, as R's survfit); " +
                $"\u201c{text.Options.NotReached}\u201d or an open end: not reached.",
            $"Median follow-up by the reverse Kaplan\u2013Meier method{TableText.InUnit(summary)}: {followUp}.",
            $"Log-rank P: log-rank test across the levels of {Prose.Inline(summary.ExposureLabel)} that have patients.",
            text.SignificanceFootnote,
        };
        var title = $"{number}. {summary.OutcomeLabel} by {Prose.Inline(summary.ExposureLabel)}";
        return new ReportTable(fileName, title, $"Cohort / {summary.ExposureLabel}", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }

    private static string MedianWithCi(Pnen.Stats.Survival.SurvivalQuantile median, TableText text)
    {
        var head = text.Time(median.Time);
        if (median.Lower is null && median.Upper is null) return head;
        var low = median.Lower is { } lo ? Fixed(lo, text.TimeDecimals) : "";
        var high = median.Upper is { } hi ? Fixed(hi, text.TimeDecimals) : "";
        return $"{head} ({low}{RangeDash}{high})";
    }
}
