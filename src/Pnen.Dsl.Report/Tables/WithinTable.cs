using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// An analysis within a selection of a cohort (the paper's HM ≤ 40 mm effect among PHR patients):
/// per effect and level, n (%), median (IQR), the log-rank P and the univariable Cox HR (95% CI) and P.
/// </summary>
internal static class WithinTable
{
    public static ReportTable Build<TX>(string fileName, string number, CohortResult<TX> cohort, WithinResult within, StudySummary summary, TableText text) where TX : notnull
    {
        var columns = new[]
        {
            new TableColumn("n (%)"),
            new TableColumn($"Median (IQR){TableText.Unit(summary)}"),
            new TableColumn("P", "Log-rank", "Log-rank P"),
            new TableColumn("HR (95% CI)", "Cox model", "HR (95% CI)"),
            new TableColumn("P", "Cox model", "Cox P"),
        };
        var rows = new List<TableRow>();
        var notes = new List<string>();
        foreach (var effect in within.Effects)
        {
            var tested = effect.Test is not null;
            rows.Add(new TableRow(TableRowKind.Heading, effect.Label, null,
                [TableCell.Empty, TableCell.Empty, tested ? text.P(effect.P) : Dash, tested ? TableCell.Empty : Dash, tested ? TableCell.Empty : Dash]));
            foreach (var level in effect.Levels)
            {
                var estimate = effect.HazardRatios.FirstOrDefault(e => e.Level == level.Level);
                rows.Add(new TableRow(TableRowKind.Level, level.Level, effect.Label,
                [
                    text.CountPercent(CountKey.WithinLevel(cohort.Name, within.Name, effect.Label, level.Level, level.N), level.Percent), text.Median(level), TableCell.Empty,
                    estimate is null ? TableCell.Empty : text.Estimate(estimate),
                    estimate is null ? TableCell.Empty : text.EstimateP(estimate),
                ]));
            }
            if (effect.Note is not null) notes.Add(NoteText.Render(cohort.Name, effect.Note, text.Disclosure));
            notes.AddRange(effect.HazardRatios.Where(e => e.Note is not null && !e.IsReference).Select(e => Prose.Sentence($"{effect.Label} {e.Level}: {e.Note}")));
        }
        var footnotes = new List<string>
        {
            text.MedianFootnote(summary),
            "Log-rank P: log-rank test of the Kaplan\u2013Meier curves. HR: univariable Cox proportional hazards model of the characteristic within the selection; Ref: reference level.",
        };
        if (FirthText.AnyBeside(within.Effects.SelectMany(e => e.HazardRatios))) footnotes.Add(FirthText.Footnote);
        footnotes.AddRange(notes);
        footnotes.Add(text.SignificanceFootnote);
        var title = $"{number}. {summary.OutcomeLabel} in the selection {within.Name} (n = {text.Count(CountKey.WithinN(cohort.Name, within.Name, within.N))}, " +
            $"{text.Count(CountKey.WithinEvents(cohort.Name, within.Name, within.Events))} events): {cohort.Name}";
        return new ReportTable(fileName, title, "Characteristic", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }
}
