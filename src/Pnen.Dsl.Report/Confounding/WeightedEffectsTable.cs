using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The weighted hazard ratios per cohort: each level's records, its weighted hazard ratio with the robust
/// 95% CI and P, and its E-value; the cohort's row carries the robust score test of the weighted model, which
/// stands in for a weighted log-rank test.
/// </summary>
internal static class WeightedEffectsTable
{
    public static ReportTable Build<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var columns = new List<TableColumn> { new("n"), new("Weighted HR (95% CI)"), new("P"), new("E-value") };
        var rows = new List<TableRow>();
        var footnotes = new List<string>
        {
            $"Weighted HR: Cox model of {Prose.Inline(summary.ExposureLabel)} with the inverse probability of treatment weights and the robust (sandwich) variance (coxph(weights =, robust = TRUE)); P: robust Wald test. " +
                "The cohort's P: robust score test of the weighted model, in place of a log-rank test (which takes no weights).",
        };
        foreach (var cohort in cohorts)
        {
            var w = cohort.Weighting!;
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null,
                [text.Count(CountKey.WeightingN(cohort.Name, w.N)), TableCell.Empty, w.RobustScore is { } score ? text.P(score.P) : Dash, TableCell.Empty]));
            for (var l = 0; l < w.HazardRatios.Count; l++)
            {
                var e = w.HazardRatios[l];
                var arm = w.Arms.ElementAtOrDefault(l);
                rows.Add(new TableRow(TableRowKind.Level, e.Level ?? "", cohort.Name,
                [
                    arm is null ? Dash : text.Count(CountKey.WeightingArm(cohort.Name, arm.Level, arm.N)),
                    text.Estimate(e), text.EstimateP(e), EValueText.Cell(cohort, e),
                ]));
            }
        }
        footnotes.AddRange(EValueText.Footnotes(cohorts));
        footnotes.Add(text.SignificanceFootnote);
        var title = $"{number}. Propensity-score weighted hazard ratios of {Prose.Inline(summary.ExposureLabel)}, with E-values";
        return new ReportTable(fileName, title, $"Cohort / {summary.ExposureLabel}", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }
}
