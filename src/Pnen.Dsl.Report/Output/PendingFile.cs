namespace Pnen.Dsl.Report;

/// <summary>A file of the report, produced only when it is written (so a PNG is rasterized straight
/// into the temporary folder, and a failure there is a failure of the write).</summary>
internal sealed record PendingFile(string Path, Func<byte[]> Content);
