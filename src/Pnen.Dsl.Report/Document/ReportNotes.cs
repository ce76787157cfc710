namespace Pnen.Dsl.Report;

/// <summary>A bulleted list of plain-text notes, e.g. what was not tested and why.</summary>
public sealed record ReportNotes(IReadOnlyList<string> Items) : ReportBlock;
