using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The balance table of one cohort: per covariate (and level of a categorical one) the standardised
/// difference of each exposure level against the reference before and after weighting, as cobalt's
/// bal.tab; a difference beyond ±0.1 is flagged (†, and bold).
/// </summary>
internal static class BalanceReportTable
{
    public const string Flag = "\u2020";

    public static ReportTable Build<TX>(string fileName, string number, CohortResult<TX> cohort, StudySummary summary, TableText text) where TX : notnull
    {
        var w = cohort.Weighting!;
        var comparisons = w.Levels.Where((_, l) => l != w.Reference).ToArray();
        var reference = w.Levels[w.Reference];
        var columns = comparisons.SelectMany(level => new[]
        {
            new TableColumn("Before", $"{level} vs {reference}", $"{level} vs {reference}: SMD before"),
            new TableColumn("After", $"{level} vs {reference}", $"{level} vs {reference}: SMD after"),
        }).ToList();
        var rows = new List<TableRow>();
        foreach (var group in w.Balance.GroupBy(b => b.Id))
        {
            var first = group.First();
            if (first.Level is null)
            {
                rows.Add(new TableRow(TableRowKind.Heading, first.Label, null, Cells(first)));
                continue;
            }
            rows.Add(new TableRow(TableRowKind.Heading, first.Label, null, columns.Select(_ => TableCell.Empty).ToArray()));
            foreach (var level in group) rows.Add(new TableRow(TableRowKind.Level, level.Level!, level.Label, Cells(level)));
        }
        var footnotes = new List<string>
        {
            "SMD: standardised mean difference, the difference in (weighted, after) means or proportions of the level against the reference over the pooled standard deviation of the unweighted arms, " +
                $"the same before and after (cobalt's s.d.denom = \"pooled\"{(w.Levels.Count > 2 ? ", pooled over every arm" : "")}).",
            $"{Flag} |SMD| > {Fixed(WeightingResult<TX>.BalanceThreshold, 1)} (in bold): imbalance (Austin 2009); {Dash}: not defined (an empty arm, a single record).",
            $"{(w.Estimated ? (w.Balanced ? "After weighting every difference is within \u00b10.1." : $"After weighting {Integer(w.Balance.Count(b => b.Imbalanced))} of {Integer(w.Balance.Count)} rows (covariates and levels) have a difference beyond \u00b10.1.") : "Not weighted here.")}",
        };
        footnotes.AddRange(w.Notes.Select(n => NoteText.Render(cohort.Name, n, text.Disclosure)));
        var title = $"{number}. Balance of the propensity model's covariates before and after weighting: {cohort.Name} (N = {text.Count(CountKey.WeightingN(cohort.Name, w.N))})";
        return new ReportTable(fileName, title, "Covariate", columns, rows, text.WithDisclosure(footnotes, title, rows));

        TableCell[] Cells(CovariateBalance<TX> row) => row.Comparisons.SelectMany(c => new[] { Smd(c.Before), Smd(c.After) }).ToArray();
    }

    public static TableCell Smd(double? smd) => smd is { } value
        ? Math.Abs(value) > 0.1 ? new TableCell(Fixed(value, 3) + Flag, true) : new TableCell(Fixed(value, 3))
        : new TableCell(Dash);
}
