using Pnen.Stats.Baseline;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The paper's Table 1 from a cohort's baseline table: a column per group ("NR (n = 70)"), n (%) per
/// level with column percentages, mean (SD) or median (IQR) for continuous rows as their test
/// implies, missing values on a row of their own, the P of each characteristic (and the SMD when
/// asked for), and footnotes naming the test each row used. With a <see cref="BaselineLayout"/>, an
/// "Overall" column comes first (gtsummary's add_overall) and a yes/no characteristic takes one row,
/// the count and percentage of "Yes" (gtsummary's dichotomous type).
/// </summary>
internal static class BaselineReportTable
{
    private const int SummaryDecimals = 1;

    public static ReportTable Build(string fileName, string number, string cohortName, string exposureLabel, BaselineTable table, TableText text, BaselineLayout? layout = null)
    {
        layout ??= BaselineLayout.Plain;
        var overall = new BaselineOverall(layout.Overall, cohortName, text);
        var hasP = table.Rows.Any(r => r.Test is not null || r.P is not null);
        var hasSmd = table.Rows.Any(r => r.Smd is not null);
        var byExposure = table.By == exposureLabel;
        var groupSizes = table.Groups.Select((g, i) => text.Count(DisclosureBuilder.GroupKey(cohortName, byExposure, g, table.GroupSizes[i]))).ToArray();
        var columns = table.Groups.Select((g, i) => new TableColumn($"{g} (n = {groupSizes[i]})")).ToList();
        if (layout.Overall) columns.Insert(0, new TableColumn($"Overall (n = {text.Count(CountKey.CohortN(cohortName, table.Total))})"));
        if (hasP) columns.Add(new TableColumn("P"));
        if (hasSmd) columns.Add(new TableColumn("SMD"));

        var rows = new List<TableRow>();
        foreach (var row in table.Rows)
        {
            var yesNo = row.Levels is { Length: 2 } pair && layout.YesNo.Contains(row.Variable) ? pair[1] : null;
            var heading = yesNo is null
                ? overall.Empty(Enumerable.Repeat(TableCell.Empty, table.Groups.Length).ToList())
                : overall.Level(row.Variable, yesNo, LevelCells(cohortName, row, yesNo, table, text));
            if (hasP) heading.Add(row.Test is null && row.P is null ? Dash : text.P(row.P));
            if (hasSmd) heading.Add(row.Smd is { } smd ? Fixed(smd, 3) : Dash);
            rows.Add(new TableRow(TableRowKind.Heading, yesNo is null ? row.Variable : BaselineLayout.YesNoLabel(row.Variable, yesNo.Level), null, heading));

            if (row.Levels is { } levels && yesNo is null)
            {
                foreach (var level in levels)
                {
                    rows.Add(new TableRow(TableRowKind.Level, level.Level, row.Variable, Pad(overall.Level(row.Variable, level, LevelCells(cohortName, row, level, table, text)), hasP, hasSmd)));
                }
            }
            else if (row.Summary is { } summaries)
            {
                foreach (var (label, format) in ContinuousLines(row))
                {
                    // A summary of a handful of patients describes each of them: hidden with their count.
                    var cells = summaries.Select(s => (TableCell)(Withheld(s, cohortName, row.Variable, text) ? Disclosure.Marker : format(s))).ToList();
                    rows.Add(new TableRow(TableRowKind.Level, label, row.Variable, Pad(overall.Summary(row, format, cells), hasP, hasSmd)));
                }
            }
            if (row.Missing > 0)
            {
                var cells = row.MissingCounts.Select((m, g) => (TableCell)text.Count(CountKey.BaselineMissing(cohortName, row.Variable, table.Groups[g], m))).ToList();
                rows.Add(new TableRow(TableRowKind.Level, "Missing", row.Variable, Pad(overall.Missing(row, cells), hasP, hasSmd)));
            }
        }

        var footnotes = new List<string>
        {
            "Values are n (%) for categorical characteristics, with percentages of the patients in the group whose value is known; missing values are counted on their own row.",
        };
        if (table.Rows.Any(r => r.Levels is { Length: 2 } && layout.YesNo.Contains(r.Variable)))
        {
            footnotes.Add("Yes/no characteristics take one row: the patients with \u201cyes\u201d (or the level named beside the characteristic), n (%).");
        }
        if (table.Rows.Any(r => r.Summary is not null))
        {
            footnotes.Add("Continuous characteristics: mean (SD) where compared by ANOVA, median (IQR) where compared by a rank test; both where not tested.");
        }
        if (hasP)
        {
            // One test for every row needs no list of rows; several tests say which row had which.
            var methods = table.Rows.Where(r => r.Method is not null).GroupBy(r => r.Method!).ToArray();
            footnotes.Add("P: " + (methods.Length == 1
                ? methods[0].Key
                : string.Join("; ", methods.Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.Variable))})"))) + ".");
        }
        if (hasSmd) footnotes.Add("SMD: standardised mean difference, the largest over pairs of groups.");
        // The engine's notes name levels and groups, never a count or a patient's value.
        footnotes.AddRange(table.Warnings.Select(Prose.Sentence));
        if (hasP) footnotes.Add(text.SignificanceFootnote);

        var title = $"{number}. Baseline characteristics by {Prose.Inline(table.By)}: {cohortName} (N = {text.Count(CountKey.CohortN(cohortName, table.Total))})";
        var marked = text.Disclosure.Active && groupSizes.Contains(Disclosure.Marker);
        var all = text.WithDisclosure(footnotes, title, rows);
        return new ReportTable(fileName, title, "Characteristic", columns, rows, marked && all.Count == footnotes.Count ? [.. footnotes, text.Disclosure.Footnote] : all);
    }

    private static List<TableCell> LevelCells(string cohortName, BaselineRow row, LevelRow level, BaselineTable table, TableText text) =>
        level.Counts.Select((count, g) => (TableCell)CountPercent(CountKey.BaselineCell(cohortName, row.Variable, level.Level, table.Groups[g], count), level.Percents[g], text)).ToList();

    public static string CountPercent(CountKey key, double? percent, TableText text) =>
        percent is { } p ? text.CountPercent(key, p) : text.Count(key);

    private static bool Withheld(GroupSummary s, string cohort, string variable, TableText text) =>
        text.Disclosure.IsSmall(s.N) || text.Disclosure.IsHidden(CountKey.BaselineKnown(cohort, variable, s.Group, s.N));

    private static IEnumerable<(string Label, Func<GroupSummary, string> Format)> ContinuousLines(BaselineRow row)
    {
        var mean = ("Mean (SD)", (Func<GroupSummary, string>)(s => s.Mean is { } m ? $"{Fixed(m, SummaryDecimals)} ({(s.Sd is { } sd ? Fixed(sd, SummaryDecimals) : Dash)})" : Dash));
        var median = ("Median (IQR)", (Func<GroupSummary, string>)(s => s.Median is { } m
            ? $"{Fixed(m, SummaryDecimals)} ({(s.Q1 is { } q1 ? Fixed(q1, SummaryDecimals) : "")}{RangeDash}{(s.Q3 is { } q3 ? Fixed(q3, SummaryDecimals) : "")})"
            : Dash));
        switch (row.Test)
        {
            case BaselineTests.Anova or BaselineTests.Welch:
                yield return mean;
                break;
            case BaselineTests.Kruskal or BaselineTests.Wilcoxon:
                yield return median;
                break;
            default:
                yield return mean;
                yield return median;
                break;
        }
    }

    private static List<TableCell> Pad(List<TableCell> cells, bool hasP, bool hasSmd)
    {
        if (hasP) cells.Add(TableCell.Empty);
        if (hasSmd) cells.Add(TableCell.Empty);
        return cells;
    }
}
