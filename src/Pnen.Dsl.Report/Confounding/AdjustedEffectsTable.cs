using System.Globalization;
using Pnen.Stats.Survival.Standardization;
using static Pnen.Dsl.Report.MethodsText;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The absolute effects of the adjusted curves per cohort: each level's standardised survival at the plan's
/// times and restricted mean, and its difference from the reference with the bootstrap percentile interval.
/// </summary>
internal static class AdjustedEffectsTable
{
    public static ReportTable Build<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var d = cohorts[0].AdjustedCurves!.Declaration;
        var unit = summary.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var columns = new List<TableColumn> { new("n") };
        foreach (var t in d.Times)
        {
            columns.Add(new TableColumn("S, %", $"At {Time(t)}{unit}", $"Survival at {Time(t)}{unit}, %"));
            columns.Add(new TableColumn("Difference (95% CI)", $"At {Time(t)}{unit}", $"Survival difference at {Time(t)}{unit}, % points (95% CI)"));
        }
        if (d.Tau is { } tau)
        {
            columns.Add(new TableColumn("RMST", $"RMST to {Time(tau)}{unit}", $"RMST to {Time(tau)}{unit}"));
            columns.Add(new TableColumn("Difference (95% CI)", $"RMST to {Time(tau)}{unit}", $"RMST difference to {Time(tau)}{unit} (95% CI)"));
        }
        var rows = new List<TableRow>();
        var footnotes = new List<string>
        {
            $"Survival standardised to each cohort (direct standardisation from a Cox model): S at each time and the restricted mean survival time (RMST), and each level's difference from {summary.ExposureReference} " +
                (d.Bootstrap > 0 ? $"with a 95% percentile interval from {Integer(d.Bootstrap)} bootstrap resamples (seed {d.Seed?.ToString(CultureInfo.InvariantCulture)})." : "(no bootstrap, no intervals)."),
            $"Survival differences in percentage points; {Dash}: not defined (after the last follow-up time, a level without records, or not estimated).",
        };
        foreach (var cohort in cohorts)
        {
            var c = cohort.AdjustedCurves!;
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null, [text.Count(CountKey.CurvesN(cohort.Name, c.N)), .. Enumerable.Repeat(TableCell.Empty, columns.Count - 1)]));
            foreach (var level in c.Levels)
            {
                var cells = new List<TableCell> { TableCell.Empty };
                for (var i = 0; i < d.Times.Count; i++)
                {
                    cells.Add(Finite(level.Curve?.AtTimes[i]) is { } s ? Fixed(100 * s, 1) : Dash);
                    cells.Add(level.IsReference ? "Ref" : Interval(level.Difference?.Survival[i], 100, 1));
                }
                if (d.Tau is not null)
                {
                    cells.Add(Finite(level.Curve?.Rmst) is { } rmst ? Fixed(rmst, text.TimeDecimals + 1) : Dash);
                    cells.Add(level.IsReference ? "Ref" : Interval(level.Rmst, 1, text.TimeDecimals + 1));
                }
                rows.Add(new TableRow(TableRowKind.Level, level.Level, cohort.Name, cells));
            }
            footnotes.AddRange(c.Notes.Select(n => $"{cohort.Name}: {NoteText.Render(cohort.Name, n, text.Disclosure)}"));
        }
        var title = $"{number}. Adjusted {Prose.Inline(summary.OutcomeLabel)} by {Prose.Inline(summary.ExposureLabel)}: absolute effects by direct standardisation";
        return new ReportTable(fileName, title, $"Cohort / {summary.ExposureLabel}", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }

    /// <summary>A difference with its interval, scaled (percentage points for survival), as the restricted-mean table prints one.</summary>
    private static string Interval(AdjustedEffect? effect, double scale, int decimals) => Finite(effect?.Estimate) is { } estimate
        ? FixedTimeTables.Interval(scale * estimate, Finite(effect!.Lower) * scale, Finite(effect.Upper) * scale, decimals)
        : Dash;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

}
