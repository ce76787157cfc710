namespace Pnen.Dsl.Report;

/// <summary>One file a report run wrote: its path relative to the report folder ('/' separated), size and SHA-256.</summary>
public sealed record ReportFileInfo(string Path, long Length, string Sha256);
