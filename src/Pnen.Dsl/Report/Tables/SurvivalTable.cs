using static Pnen.Dsl.Report.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The paper's Table 2 and 3 for one cohort: per characteristic and level, n (%), the median
/// survival with its quartiles, the univariate P, and the adjusted hazard ratio (95% CI) and P of
/// the multivariable model; "Ref" on reference levels; a dash where a characteristic was not tested
/// or not in the model; footnotes that state the tests and how the model's covariates were chosen.
/// </summary>
internal static class SurvivalTable
{
    public static ReportTable Build<TX>(string fileName, string number, CohortResult<TX> cohort, StudySummary summary, TableText text) where TX : notnull
    {
        var model = cohort.MultivariableOrNull;
        var hasUnivariate = cohort.Univariate.Count > 0;
        var columns = new List<TableColumn>
        {
            new("n (%)"),
            new($"Median (IQR){TableText.Unit(summary)}"),
        };
        if (hasUnivariate) columns.Add(new TableColumn("P", "Univariate analysis", "Univariate P"));
        if (model is not null)
        {
            columns.Add(new TableColumn("Adjusted HR (95% CI)", "Multivariable analysis", "Adjusted HR (95% CI)"));
            columns.Add(new TableColumn("P", "Multivariable analysis", "Adjusted P"));
        }

        var rows = new List<TableRow>();
        var characteristics = cohort.Univariate.Select(u => u.Characteristic)
            .Concat(model?.Estimates.Select(e => e.Characteristic) ?? [])
            .Distinct()
            .ToArray();
        foreach (var label in characteristics)
        {
            var univariate = cohort.Univariate.FirstOrDefault(u => u.Characteristic == label);
            var estimates = model?.For(label) ?? [];
            var inModel = estimates.Count > 0;

            var heading = new List<TableCell> { TableCell.Empty, TableCell.Empty };
            if (hasUnivariate) heading.Add(univariate is null ? Dash : text.P(univariate.PValue));
            var continuous = univariate?.Kind == CharacteristicKind.Continuous || (inModel && estimates[0].Level is null);
            if (model is not null)
            {
                if (!inModel) heading.AddRange([Dash, Dash]);
                else if (continuous) heading.AddRange([text.Estimate(estimates[0]), text.EstimateP(estimates[0])]);
                else heading.AddRange([TableCell.Empty, TableCell.Empty]);
            }
            if (continuous && univariate is not null) heading[0] = text.Count(CountKey.Known(cohort.Name, label, cohort.N - univariate.Missing));
            rows.Add(new TableRow(TableRowKind.Heading, label, null, heading));
            if (continuous) continue;

            var levels = univariate?.Levels.Select(l => l.Level).ToList() ?? estimates.Select(e => e.Level!).ToList();
            foreach (var level in levels)
            {
                var survival = univariate?.Levels.FirstOrDefault(l => l.Level == level);
                var cells = new List<TableCell>
                {
                    survival is null ? TableCell.Empty : text.CountPercent(DisclosureBuilder.LevelKey(cohort.Name, univariate!, survival), survival.Percent),
                    survival is null ? TableCell.Empty : text.Median(survival),
                };
                if (hasUnivariate) cells.Add(TableCell.Empty);
                if (model is not null)
                {
                    var estimate = estimates.FirstOrDefault(e => e.Level == level);
                    cells.Add(estimate is null ? TableCell.Empty : text.Estimate(estimate));
                    cells.Add(estimate is null ? TableCell.Empty : text.EstimateP(estimate));
                }
                rows.Add(new TableRow(TableRowKind.Level, level, label, cells));
            }
            if (univariate is { Missing: > 0 })
            {
                var cells = new List<TableCell> { text.Count(CountKey.Missing(cohort.Name, label, univariate.Missing)) };
                cells.AddRange(Enumerable.Repeat(TableCell.Empty, columns.Count - 1));
                rows.Add(new TableRow(TableRowKind.Level, "Missing", label, cells));
            }
        }

        var footnotes = new List<string>();
        footnotes.Add("n (%): patients with the level; percentages of those with a known value (missing values are counted apart).");
        footnotes.Add(text.MedianFootnote(summary));
        if (hasUnivariate)
        {
            footnotes.Add("Univariate P: log-rank test of the Kaplan\u2013Meier curves of the levels (for a continuous characteristic, the Wald test of a univariable Cox model).");
        }
        if (model is not null)
        {
            footnotes.Add($"Multivariable analysis: Cox proportional hazards model ({model.Model.Ties} ties) of {Prose.Inline(summary.ExposureLabel)}, {model.Selection}. " +
                $"Ref: reference level. {text.Count(CountKey.ModelN(cohort.Name, model.Model.N))} patients and {text.Count(CountKey.ModelEvents(cohort.Name, model.Model.Events))} events in the model.");
        }
        if (rows.Any(r => r.Kind == TableRowKind.Heading && r.Cells[0].Text.Length > 0))
        {
            footnotes.Add("A continuous characteristic has one row: n with a known value, and the hazard ratio per unit increase.");
        }
        footnotes.Add($"{Dash}: not tested, or not in the multivariable model.");
        footnotes.AddRange(cohort.Notes.Select(n => Prose.Sentence(text.Disclosure.CohortNote(cohort, n))));
        footnotes.Add(text.SignificanceFootnote);

        var what = model is null ? "Univariate analysis" : hasUnivariate ? "Univariate and multivariable analyses" : "Multivariable analysis";
        var title = $"{number}. {what} of factors associated with {Prose.Inline(summary.OutcomeLabel)}: {cohort.Name} (N = {text.Count(CountKey.CohortN(cohort.Name, cohort.N))})";
        return new ReportTable(fileName, title, "Characteristic", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }
}
