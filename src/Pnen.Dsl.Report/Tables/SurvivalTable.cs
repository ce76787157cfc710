using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The univariate analysis of one cohort, as the paper's Table 2 (left half) with gtsummary's
/// tbl_uvregression beside it: per characteristic and level, n (%), the median survival with its
/// quartiles, the log-rank P, and the univariable hazard ratio (95% CI); "Ref" on reference levels; a
/// dash where a characteristic was not tested.
/// </summary>
internal static class SurvivalTable
{
    public static ReportTable Build<TX>(string fileName, string number, CohortResult<TX> cohort, StudySummary summary, bool stratified, TableText text) where TX : notnull
    {
        var columns = new List<TableColumn>
        {
            new("n (%)"),
            new($"Median (IQR){TableText.Unit(summary)}"),
            new("P", "Univariate analysis", "Log-rank P"),
            new("HR (95% CI)", "Univariate analysis", "Univariable HR (95% CI)"),
        };

        var rows = new List<TableRow>();
        foreach (var c in cohort.Characteristics)
        {
            var continuous = c.Kind == CharacteristicKind.Continuous;
            var heading = new List<TableCell>
            {
                continuous ? text.Count(CountKey.Known(cohort.Name, c.Label, cohort.N - c.Missing)) : TableCell.Empty,
                TableCell.Empty,
                c.Test is null ? Dash : text.P(c.P),
                continuous && c.HazardRatios.Count == 1 ? text.Estimate(c.HazardRatios[0]) : c.Test is null ? Dash : TableCell.Empty,
            };
            rows.Add(new TableRow(TableRowKind.Heading, c.Label, null, heading));
            if (continuous) continue;

            foreach (var level in c.Levels)
            {
                var estimate = c.HazardRatios.FirstOrDefault(e => e.Level == level.Level);
                rows.Add(new TableRow(TableRowKind.Level, level.Level, c.Label,
                [
                    text.CountPercent(DisclosureBuilder.LevelKey(cohort.Name, c, level), level.Percent),
                    text.Median(level),
                    TableCell.Empty,
                    estimate is null ? TableCell.Empty : text.Estimate(estimate),
                ]));
            }
            if (c.Missing > 0)
            {
                rows.Add(new TableRow(TableRowKind.Level, "Missing", c.Label, [text.Count(CountKey.Missing(cohort.Name, c.Label, c.Missing)), TableCell.Empty, TableCell.Empty, TableCell.Empty]));
            }
        }

        var strata = stratified ? " (stratified as the plan is)" : "";
        var footnotes = new List<string>
        {
            "n (%): patients with the level; percentages of those with a known value (missing values are counted apart).",
            text.MedianFootnote(summary),
            $"Log-rank P: log-rank test of the Kaplan\u2013Meier curves of the levels{strata}; for a continuous characteristic, the Wald test of its univariable Cox model.",
            $"Univariable HR: Cox proportional hazards model of the characteristic alone (Efron ties{strata}), each level against the reference (Ref); a continuous characteristic per unit.",
            $"{Dash}: not tested.",
        };
        if (FirthText.AnyBeside(cohort.Characteristics.SelectMany(c => c.HazardRatios))) footnotes.Add(FirthText.Footnote);
        footnotes.AddRange(cohort.Characteristics.Where(c => c.Note is not null).Select(c => NoteText.Render(cohort.Name, c.Note!, text.Disclosure)));
        footnotes.Add(text.SignificanceFootnote);

        var title = $"{number}. Univariate analysis of factors associated with {Prose.Inline(summary.OutcomeLabel)}: {cohort.Name} (N = {text.Count(CountKey.CohortN(cohort.Name, cohort.N))})";
        return new ReportTable(fileName, title, "Characteristic", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }
}
