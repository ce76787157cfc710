using System.Globalization;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The immortal-time table: per cohort and model, each exposure level's hazard ratio as the naive analysis
/// gives it (the exposure as if it held from time 0), as the time-dependent analysis does, and at each
/// landmark; with the patients and events each analysed, and the log-rank and Mantel-Byar P values.
/// </summary>
internal static class ImmortalTimeTable
{
    public static ReportTable Build<TX>(string fileName, string number, IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, TableText text) where TX : notnull
    {
        var first = cohorts[0].ImmortalTime!;
        var unit = summary.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var columns = new List<TableColumn>
        {
            new("Naive HR (95% CI)", null, "Naive HR (95% CI)"),
            new("Time-dependent HR (95% CI)", null, "Time-dependent HR (95% CI)"),
        };
        columns.AddRange(first.Landmarks.Select(l => new TableColumn($"{Time(l.Time)}{unit}", "Landmark HR (95% CI)", $"Landmark at {Time(l.Time)}{unit}: HR (95% CI)")));

        var rows = new List<TableRow>();
        foreach (var cohort in cohorts)
        {
            var check = cohort.ImmortalTime!;
            var counts = new List<TableCell>
            {
                Patients(text, check.Naive.FirstOrDefault()?.N ?? cohort.N, check.Naive.FirstOrDefault()?.Events ?? cohort.Events),
                Patients(text, check.TimeDependent.FirstOrDefault()?.N ?? cohort.N - check.LeftOut, check.TimeDependent.FirstOrDefault()?.Events ?? cohort.Events),
            };
            counts.AddRange(check.Landmarks.Select(l => Patients(text, l.N, l.Events)));
            rows.Add(new TableRow(TableRowKind.Heading, cohort.Name, null, counts));
            var tests = new List<TableCell> { $"log-rank P {text.P(cohort.TimeDependentExposure ? null : cohort.ExposureLogRank.PValue).Text}", $"Mantel-Byar P {text.P(check.MantelByar.PValue).Text}" };
            tests.AddRange(check.Landmarks.Select(_ => TableCell.Empty));
            if (!cohort.TimeDependentExposure) rows.Add(new TableRow(TableRowKind.Level, "Tests of the curves", cohort.Name, tests));
            for (var m = 0; m < check.Naive.Count; m++)
            {
                var naive = check.Naive[m];
                foreach (var estimate in naive.Exposure.Estimates.Where(e => !e.IsReference))
                {
                    var cells = new List<TableCell>
                    {
                        text.Estimate(estimate),
                        Cell(text, check.TimeDependent[m], estimate.Level),
                    };
                    cells.AddRange(check.Landmarks.Select(l => Cell(text, l.Models[m], estimate.Level)));
                    rows.Add(new TableRow(TableRowKind.Level, $"{naive.Name}: {estimate.Level} vs {summary.ExposureReference}", cohort.Name, cells));
                }
            }
        }

        var footnotes = new List<string>
        {
            $"Naive: {Prose.Inline(summary.ExposureLabel)} as if it held from time 0, so the time an exposed patient lived before the exposure began ({Prose.Inline(first.StartsAt)}) counts as exposed (immortal time; Suissa, Am J Epidemiol 2008;167:492)" +
                (first.TimeDependentMain ? "." : "; the main analyses of this report are these."),
            $"Time-dependent: each patient in {summary.ExposureReference} until the exposure begins, then in their own level (R: tmerge with tdc; Cox models on the (start, stop] intervals; the Mantel-Byar test)" +
                (first.TimeDependentMain ? "; the main analyses of this report are these." : "."),
            "Landmark: the patients still followed at the landmark, classed by their exposure at that time and followed from it (Anderson, J Clin Oncol 1983;1:710); patients exposed later count as unexposed.",
            "Heading rows: patients (events) each analysis uses.",
        };
        var checks = cohorts.Select(c => c.ImmortalTime!).SelectMany(c => c.Naive.Concat(c.TimeDependent).Concat(c.Landmarks.SelectMany(l => l.Models)));
        if (FirthText.AnyBeside(checks.SelectMany(m => m.Exposure.Estimates))) footnotes.Add(FirthText.Footnote);
        footnotes.AddRange(cohorts.SelectMany(c => c.Notes.Where(n => n is RecordsWithoutStart or StartsAfterFollowUp).Select(n => $"{c.Name}: {NoteText.Render(c.Name, n, text.Disclosure)}")));
        var title = $"{number}. Immortal time: hazard ratios of {Prose.Inline(summary.ExposureLabel)}, naive, time-dependent and at each landmark";
        return new ReportTable(fileName, title, $"Cohort / model", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }

    private static TableCell Cell<TX>(TableText text, ModelResult<TX> model, string? level) where TX : notnull =>
        model.Exposure.Estimates.FirstOrDefault(e => e.Level == level) is { } estimate ? text.Estimate(estimate) : Dash;

    private static TableCell Patients(TableText text, int n, int events) => $"{text.Disclosure.Alone(n)} ({text.Disclosure.Alone(events)})";

    private static string Time(double t) => t.ToString("0.##", CultureInfo.InvariantCulture);
}
