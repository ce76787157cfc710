using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>The counts behind the flow diagram: each step with how many it excluded and how many
/// remain, the arms of the final cohort, and how each subgroup was drawn.</summary>
internal static class FlowTable
{
    public static ReportTable Build(string fileName, string number, FlowResult flow, FlowText text)
    {
        var columns = new[] { new TableColumn("Excluded"), new TableColumn("Remaining") };
        var rows = new List<TableRow>
        {
            new(TableRowKind.Plain, flow.Population, null, [TableCell.Empty, text.Recruited]),
        };
        rows.AddRange(flow.Exclusions.Select((e, i) => new TableRow(TableRowKind.Level, e.Reason, "Excluded", [text.Excluded(i), text.Remaining(i)])));
        rows.Add(new TableRow(TableRowKind.Heading, "Final cohort", null, [TableCell.Empty, text.Final]));
        rows.AddRange(flow.Arms.Select(a => new TableRow(TableRowKind.Level, $"{flow.ExposureLabel}: {a.Level}", "Final cohort", [TableCell.Empty, text.Arm(null, a)])));
        foreach (var s in flow.Subgroups)
        {
            rows.Add(new TableRow(TableRowKind.Heading, $"Subgroup {s.Name}", null, [TableCell.Empty, text.Count(s)]));
            rows.AddRange(s.Exclusions.Select((e, i) => new TableRow(TableRowKind.Level, $"Excluded: {e.Reason}", $"Subgroup {s.Name}", [text.Excluded(s, i), text.Remaining(s, i)])));
            rows.Add(new TableRow(TableRowKind.Level, "Not in the subgroup", $"Subgroup {s.Name}", [text.NotSelected(s), text.Count(s)]));
            rows.AddRange(s.Arms.Select(a => new TableRow(TableRowKind.Level, $"{flow.ExposureLabel}: {a.Level}", $"Subgroup {s.Name}", [TableCell.Empty, text.Arm(s, a)])));
        }
        var footnotes = new List<string> { "Exclusions are applied in the order listed; each counts the records it removed from those that remained. Subgroups are drawn from the final cohort." };
        if (text.Disclosure.Active && rows.Any(r => r.Cells.Any(c => c.Text == Disclosure.Marker))) footnotes.Add(text.Disclosure.Footnote);
        return new ReportTable(fileName, $"{number}. Cohort flow", "Step", columns, rows, footnotes);
    }
}
