using Pnen.Dsl.Report;

namespace PnenSurgery.Audit;

/// <summary>The audit as a section of the study's report.</summary>
public static class AuditSection
{
    public static ReportSection From(IReadOnlyList<AuditRow> rows)
    {
        var counts = Enum.GetValues<AuditStatus>().Select(s => $"{rows.Count(r => r.Status == s)} {Describe(s)}");
        var disagreeing = rows.Where(r => r.Status is AuditStatus.ExactByConstruction or AuditStatus.Recomputed && !r.Agrees).ToArray();
        var held = rows.Where(r => r.WithinTolerance is not null).ToArray();
        var outside = held.Where(r => r.WithinTolerance == false).ToArray();
        var table = new ReportTable(
            "reproduction-audit",
            "Reproduction audit: the published numbers beside this run's",
            "Number",
            [new TableColumn("Published"), new TableColumn("Reproduced"), new TableColumn("Status"), new TableColumn("Tolerance"), new TableColumn("Note")],
            rows.Select(r => new TableRow(TableRowKind.Plain, $"{r.Section} · {r.Item}", r.Section,
            [
                r.Published, r.Reproduced,
                new TableCell(Describe(r.Status), Emphasis: (r.Status is not AuditStatus.Approximate && !r.Agrees) || r.WithinTolerance == false),
                r.Tolerance is null ? "" : $"{r.Tolerance}: {(r.WithinTolerance == true ? "within" : "OUTSIDE")}",
                r.Note ?? "",
            ])).ToArray(),
            [
                $"Source: {Published.Source}.",
                "Exact by construction: the synthetic cohort was generated to have this number. Recomputed: derived from exact numbers, so it must agree. Approximate: depends on the synthetic survival times; the tolerances are in Data/README.md. Inconsistent in the paper: the paper contradicts itself and the note says which side the cohort follows.",
            ]);
        var summary = new ReportParagraph(
            $"{rows.Count} published numbers: {string.Join(", ", counts)}. " +
            (disagreeing.Length == 0
                ? "Every exact and recomputed number agrees with the paper."
                : $"{disagreeing.Length} exact or recomputed number(s) disagree: {string.Join("; ", disagreeing.Select(r => r.Item))}.") +
            $" {held.Length - outside.Length} of the {held.Length} approximate numbers that were calibration targets are within their tolerance" +
            (outside.Length == 0 ? "." : $"; outside: {string.Join("; ", outside.Select(r => $"{r.Section} · {r.Item}"))}."));
        return new ReportSection("Reproduction audit", [summary, table]);
    }

    public static string Describe(AuditStatus status) => status switch
    {
        AuditStatus.ExactByConstruction => "exact by construction",
        AuditStatus.Recomputed => "recomputed",
        AuditStatus.Approximate => "approximate",
        AuditStatus.InconsistentInPaper => "inconsistent in the paper",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
