using System.Globalization;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// Survival at the plan's fixed times and restricted mean survival per exposure level, per cohort: the
/// absolute effects a reader needs beside the hazard ratios.
/// </summary>
internal static class FixedTimeTables
{
    public static ReportTable Survival<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var times = cohorts[0].SurvivalAt!.Times;
        var unit = summary.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var columns = new List<TableColumn> { new("n") };
        columns.AddRange(times.Select(t => new TableColumn($"{Time(t)}{unit}", "Survival, % (95% CI)", $"Survival at {Time(t)}{unit}, % (95% CI)")));
        var rows = new List<TableRow>();
        foreach (var cohort in cohorts)
        {
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null, [text.Count(CountKey.CohortN(cohort.Name, cohort.N)), .. times.Select(_ => TableCell.Empty)]));
            foreach (var arm in cohort.SurvivalAt!.Arms)
            {
                var cells = new List<TableCell> { text.Count(CountKey.Arm(cohort.Name, arm.Level, arm.N)) };
                cells.AddRange(arm.Points.Select(p => (TableCell)(text.Disclosure.IsSmall(arm.N) ? Disclosure.Marker : Percent(p))));
                rows.Add(new TableRow(TableRowKind.Level, arm.Level, cohort.Name, cells));
            }
        }
        var footnotes = new List<string>
        {
            $"Kaplan\u2013Meier survival at each time with its 95% confidence interval (log transformation, as R's summary(survfit, times)); {Dash}: after the last follow-up time of the group, where the curve is not defined.",
        };
        var title = $"{number}. {summary.OutcomeLabel} at {string.Join(", ", times.Select(Time))}{unit} by {Prose.Inline(summary.ExposureLabel)}";
        return new ReportTable(fileName, title, $"Cohort / {summary.ExposureLabel}", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }

    public static ReportTable RestrictedMean<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var tau = cohorts[0].RestrictedMean!.Tau;
        var unit = summary.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var columns = new List<TableColumn>
        {
            new("n"),
            new("RMST (95% CI)", null, $"RMST to {Time(tau)}{unit} (95% CI)"),
            new("Difference (95% CI)", $"Against {summary.ExposureReference}", "Difference (95% CI)"),
            new("P", $"Against {summary.ExposureReference}", "Difference P"),
        };
        var rows = new List<TableRow>();
        foreach (var cohort in cohorts)
        {
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null, [text.Count(CountKey.CohortN(cohort.Name, cohort.N)), TableCell.Empty, TableCell.Empty, TableCell.Empty]));
            foreach (var arm in cohort.RestrictedMean!.Arms)
            {
                var small = text.Disclosure.IsSmall(arm.N);
                var d = arm.Difference;
                rows.Add(new TableRow(TableRowKind.Level, arm.Level, cohort.Name,
                [
                    text.Count(CountKey.Arm(cohort.Name, arm.Level, arm.N)),
                    small ? Disclosure.Marker : Interval(arm.Mean, arm.Lower, arm.Upper, text.TimeDecimals + 1),
                    d is null ? "Ref" : small ? Disclosure.Marker : Interval(d.Difference, d.Lower, d.Upper, text.TimeDecimals + 1),
                    d is null || small ? TableCell.Empty : text.P(d.P),
                ]));
            }
        }
        var footnotes = new List<string>
        {
            $"RMST: restricted mean survival time to {Time(tau)}{unit}, the area under the Kaplan\u2013Meier curve up to that time (as R's survfit, rmean = {Time(tau)}), with a normal 95% CI.",
            $"Difference: each level's RMST minus that of {summary.ExposureReference}, with its 95% CI and the z test's P (independent groups, as survRM2's rmst2).",
            text.SignificanceFootnote,
        };
        var title = $"{number}. Restricted mean {Prose.Inline(summary.OutcomeLabel)} to {Time(tau)}{unit} by {Prose.Inline(summary.ExposureLabel)}";
        return new ReportTable(fileName, title, $"Cohort / {summary.ExposureLabel}", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }

    private static string Time(double t) => t.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(SurvivalPoint p) => p.Survival is { } s
        ? $"{Fixed(100 * s, 1)} ({(p.Lower is { } lo ? Fixed(100 * lo, 1) : Dash)}{RangeDash}{(p.Upper is { } hi ? Fixed(100 * hi, 1) : Dash)})"
        : Dash;

    /// <summary>"118.2 (91.8–144.7)"; with a negative limit "-3.1 (-43.5 to 37.3)", as a dash between
    /// signed numbers would read as a minus.</summary>
    internal static string Interval(double? value, double? lower, double? upper, int decimals)
    {
        if (value is not { } v) return Dash;
        var separator = lower < 0 || upper < 0 ? " to " : RangeDash;
        return $"{Fixed(v, decimals)} ({(lower is { } lo ? Fixed(lo, decimals) : Dash)}{separator}{(upper is { } hi ? Fixed(hi, decimals) : Dash)})";
    }
}
