namespace Pnen.Dsl.Report;

/// <summary>One piece of a report section: a paragraph, a list of notes, a table or a figure. Every
/// renderer (Markdown, HTML) knows each kind, so a block reads the same in both.</summary>
public abstract record ReportBlock;
