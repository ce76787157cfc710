using System.IO.Compression;

namespace Pnen.Dsl.Report;

/// <summary>
/// Makes a package's bytes depend on its content only: the parts are copied into a new zip in a fixed
/// order ([Content_Types].xml first, as Office writes it, then the rest by name) with a fixed
/// timestamp (1980-01-01, the zip format's earliest), since the packaging library stamps each entry
/// with the time of writing.
/// </summary>
internal static class DocxPackage
{
    private static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var entries = input.Entries
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal)
            .ToArray();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Timestamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
