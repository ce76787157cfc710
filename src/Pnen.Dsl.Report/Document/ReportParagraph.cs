namespace Pnen.Dsl.Report;

/// <summary>Plain text (no markup): renderers escape it for their format.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;
