using static Pnen.Dsl.Report.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>The counts behind the flow diagram: each step with how many it excluded and how many
/// remain, the arms of the final cohort, and how each subgroup was drawn.</summary>
internal static class FlowTable
{
    public static ReportTable Build(string fileName, string number, FlowResult flow)
    {
        var columns = new[] { new TableColumn("Excluded"), new TableColumn("Remaining") };
        var rows = new List<TableRow>
        {
            new(TableRowKind.Plain, flow.Population, null, [TableCell.Empty, Integer(flow.Recruited)]),
        };
        rows.AddRange(flow.Exclusions.Select(e => new TableRow(TableRowKind.Level, e.Reason, "Excluded", [Integer(e.Excluded), Integer(e.Remaining)])));
        rows.Add(new TableRow(TableRowKind.Heading, "Final cohort", null, [TableCell.Empty, Integer(flow.Final)]));
        rows.AddRange(flow.Arms.Select(a => new TableRow(TableRowKind.Level, $"{flow.ExposureLabel}: {a.Level}", "Final cohort", [TableCell.Empty, Integer(a.Count)])));
        foreach (var s in flow.Subgroups)
        {
            rows.Add(new TableRow(TableRowKind.Heading, $"Subgroup {s.Name}", null, [TableCell.Empty, Integer(s.Count)]));
            rows.AddRange(s.Exclusions.Select(e => new TableRow(TableRowKind.Level, $"Excluded: {e.Reason}", $"Subgroup {s.Name}", [Integer(e.Excluded), Integer(e.Remaining)])));
            rows.Add(new TableRow(TableRowKind.Level, "Not in the subgroup", $"Subgroup {s.Name}", [Integer(s.NotSelected), Integer(s.Count)]));
            rows.AddRange(s.Arms.Select(a => new TableRow(TableRowKind.Level, $"{flow.ExposureLabel}: {a.Level}", $"Subgroup {s.Name}", [TableCell.Empty, Integer(a.Count)])));
        }
        var footnotes = new[] { "Exclusions are applied in the order listed; each counts the records it removed from those that remained. Subgroups are drawn from the final cohort." };
        return new ReportTable(fileName, $"{number}. Cohort flow", "Step", columns, rows, footnotes);
    }
}
