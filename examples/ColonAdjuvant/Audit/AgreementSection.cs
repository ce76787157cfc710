using Pnen.Dsl.Report;

namespace ColonAdjuvant.Audit;

/// <summary>The agreement with R as the report's last section: a summary line and one row per number.</summary>
public static class AgreementSection
{
    public static ReportSection From(IReadOnlyList<Agreement> rows)
    {
        var outside = rows.Where(r => !r.Agrees).ToArray();
        var summary = new ReportParagraph(
            $"{rows.Count} numbers of this study beside R's (survival 3.5-3, Audit/colon-reference.R): " +
            (outside.Length == 0
                ? $"every one agrees (largest relative difference {rows.Max(r => r.Difference):0.0e+0})."
                : $"{outside.Length} disagree: {string.Join("; ", outside.Select(r => $"{r.Section} · {r.Item}"))}."));
        var table = new ReportTable("agreement-with-r", "Agreement with R", "Number",
            [new TableColumn("R"), new TableColumn("Pnen"), new TableColumn("Relative difference"), new TableColumn("Tolerance")],
            rows.Select(r => new TableRow(TableRowKind.Plain, $"{r.Section} · {r.Item}", r.Section,
            [
                Agreement.Text(r.R), Agreement.Text(r.Pnen),
                new TableCell(double.IsInfinity(r.Difference) ? "one side missing" : r.Difference.ToString("0.0e+0", System.Globalization.CultureInfo.InvariantCulture), Emphasis: !r.Agrees),
                r.Tolerance == 0 ? "exact" : r.Tolerance.ToString("0e+0", System.Globalization.CultureInfo.InvariantCulture),
            ])).ToArray(),
            ["Tolerances: 1e-6 relative for estimates, 1e-5 for P values, counts exact. R values: Audit/r-reference.json."]);
        return new ReportSection("Agreement with R", [summary, table]);
    }
}
