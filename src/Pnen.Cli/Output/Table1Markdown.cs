using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;
using Pnen.Stats.Baseline;

namespace Pnen.Cli.Output;

/// <summary>`pnen table1 --format md`: n (%) per group for categorical rows, mean (SD) and median [IQR] for continuous ones.</summary>
internal static class Table1Markdown
{
    public static string Write(Table1Report report)
    {
        var table = report.Table;
        var text = new StringBuilder();
        text.Append("## Baseline characteristics by ").Append(table.By).Append("\n\n");
        var header = new List<string> { "Characteristic" };
        header.AddRange(table.Groups.Select((g, i) => $"{g} (n = {table.GroupSizes[i].ToString(CultureInfo.InvariantCulture)})"));
        header.Add($"Overall (n = {table.Total.ToString(CultureInfo.InvariantCulture)})");
        header.Add("P");
        header.Add("Test");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in table.Rows)
        {
            rows.Add([$"**{row.Variable}**", .. table.Groups.Select(_ => ""), "", MarkdownText.P(row.P), row.Test ?? "—"]);
            if (row.Levels is { } levels)
            {
                foreach (var level in levels)
                {
                    rows.Add([$"  {level.Level}", .. level.Counts.Select((c, i) => Count(c, level.Percents[i])), Count(level.Overall.Count, level.Overall.Percent), "", ""]);
                }
            }
            if (row.Summary is { } summary)
            {
                rows.Add(["  Mean (SD)", .. summary.Select(s => $"{MarkdownText.Cell(s.Mean, "F1")} ({MarkdownText.Cell(s.Sd, "F1")})"),
                    $"{MarkdownText.Cell(row.Overall?.Mean, "F1")} ({MarkdownText.Cell(row.Overall?.Sd, "F1")})", "", ""]);
                rows.Add(["  Median [Q1, Q3]", .. summary.Select(s => $"{MarkdownText.Cell(s.Median, "F1")} [{MarkdownText.Cell(s.Q1, "F1")}, {MarkdownText.Cell(s.Q3, "F1")}]"),
                    $"{MarkdownText.Cell(row.Overall?.Median, "F1")} [{MarkdownText.Cell(row.Overall?.Q1, "F1")}, {MarkdownText.Cell(row.Overall?.Q3, "F1")}]", "", ""]);
            }
            if (row.Missing > 0)
            {
                rows.Add(["  Missing", .. row.MissingCounts.Select(m => m.ToString(CultureInfo.InvariantCulture)), row.Missing.ToString(CultureInfo.InvariantCulture), "", ""]);
            }
        }
        MarkdownText.Table(text, header, rows);
        var notes = table.Rows.SelectMany(r => r.Notes.Select(n => $"{r.Variable}: {n}")).Concat(table.Warnings);
        MarkdownText.Warnings(text, notes);
        MarkdownText.Timing(text, report.Timing);
        return text.ToString();
    }

    private static string Count(int count, double? percent) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} ({(percent is { } p ? p.ToString("F1", CultureInfo.InvariantCulture) : "—")})";
}
