namespace Pnen.Dsl.Report;

/// <summary>A titled part of the report. Callers may append their own sections (e.g. a reproduction
/// audit) through <see cref="ReportOptions.AdditionalSections"/>.</summary>
public sealed record ReportSection(string Title, IReadOnlyList<ReportBlock> Blocks);
