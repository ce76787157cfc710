using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The weights per cohort and arm: the records weighted, Kish's effective sample size, the weights' sum and
/// five-number summary; footnotes give the estimand, stabilisation and truncation (the caps and how many
/// weights they changed). Under small-cell suppression an arm's ESS and weights are shown only where its size is.
/// </summary>
internal static class WeightsTable
{
    public static ReportTable Build<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var columns = new List<TableColumn>
        {
            new("n"), new("ESS"), new("Sum"),
            new("Min", "Weights"), new("Q1", "Weights"), new("Median", "Weights"), new("Q3", "Weights"), new("Max", "Weights"),
        };
        var rows = new List<TableRow>();
        var footnotes = new List<string>();
        foreach (var cohort in cohorts)
        {
            var w = cohort.Weighting!;
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null, [text.Count(CountKey.WeightingN(cohort.Name, w.N)), .. Enumerable.Repeat(TableCell.Empty, 7)]));
            if (!w.Estimated)
            {
                footnotes.AddRange(w.Notes.OfType<NotDone>().Select(n => $"{cohort.Name}: {n.Describe()}."));
                continue;
            }
            foreach (var arm in w.Arms)
            {
                var key = CountKey.WeightingArm(cohort.Name, arm.Level, arm.N);
                var hidden = text.Disclosure.IsHidden(key) || text.Disclosure.IsSmall(arm.N);
                TableCell Weight(double value) => arm.N == 0 ? Dash : hidden ? Disclosure.Marker : Fixed(value, 3);
                // The smallest and largest weight are single patients' (hidden under suppression, as a characteristic's range).
                TableCell Extreme(double value) => text.Disclosure.Active && arm.N > 0 ? Disclosure.Marker : Weight(value);
                rows.Add(new TableRow(TableRowKind.Level, arm.Level, cohort.Name,
                [
                    text.Count(key),
                    arm.N == 0 ? Dash : hidden ? Disclosure.Marker : Fixed(arm.EffectiveSize, 1),
                    Weight(arm.Sum), Extreme(arm.Min), Weight(arm.Q1), Weight(arm.Median), Weight(arm.Q3), Extreme(arm.Max),
                ]));
            }
            if (w.Weights?.TruncationBounds is { } bounds && !text.Disclosure.Active)
            {
                footnotes.Add($"{cohort.Name}: weights capped at {Fixed(bounds.Lower, 3)} and {Fixed(bounds.Upper, 3)} ({Integer(w.Weights.Truncated)} changed).");
            }
        }
        var d = cohorts[0].Weighting!.Declaration;
        footnotes.Insert(0, ConfoundingMethods.Definition(d, summary) + (d.Stabilized ? " Weights stabilised by the share of the cohort at each level." : ""));
        footnotes.Insert(1, "n: records complete in the propensity model's covariates; ESS: Kish's effective sample size (\u03a3w)\u00b2/\u03a3w\u00b2; weights' quartiles as R's quantile (type 7).");
        var title = $"{number}. Inverse probability of treatment weights and effective sample sizes by {Prose.Inline(summary.ExposureLabel)}";
        return new ReportTable(fileName, title, $"Cohort / {summary.ExposureLabel}", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }
}
