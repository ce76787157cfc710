using System.Security.Cryptography;

namespace Pnen.Dsl.Report;

/// <summary>
/// Writes a report folder all or nothing: every file goes into a temporary sibling folder, which then
/// replaces the target by renames. A failure before the swap deletes the temporary folder and leaves
/// the previous report as it was. Between the two renames the target briefly does not exist; if the
/// second rename fails the previous report is moved back.
/// Only a folder that is empty or holds an earlier Pnen report (a manifest.json of ours) is replaced,
/// so a wrong path cannot wipe someone's files.
/// </summary>
internal static class AtomicFolder
{
    public static IReadOnlyList<ReportFileInfo> Replace(string target, IReadOnlyList<PendingFile> files, Func<IReadOnlyList<ReportFileInfo>, PendingFile> last)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"The report cannot replace the root folder '{full}'.");
        var name = Path.GetFileName(full);
        CheckReplaceable(full);
        Directory.CreateDirectory(parent);

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var temporary = Path.Combine(parent, $".{name}.pnen-{token}.tmp");
        var written = new List<ReportFileInfo>();
        try
        {
            Directory.CreateDirectory(temporary);
            foreach (var file in files) written.Add(WriteOne(temporary, file));
            written.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            written.Add(WriteOne(temporary, last(written.ToArray())));
            Swap(temporary, full, parent, name, token);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        written.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return written;
    }

    private static ReportFileInfo WriteOne(string folder, PendingFile file)
    {
        var bytes = file.Content();
        var path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        return new ReportFileInfo(file.Path, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static void Swap(string temporary, string target, string parent, string name, string token)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }
        var previous = Path.Combine(parent, $".{name}.pnen-{token}.old");
        Directory.Move(target, previous);
        try
        {
            Directory.Move(temporary, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
        TryDelete(previous);
    }

    private static void CheckReplaceable(string target)
    {
        if (File.Exists(target)) throw new IOException($"The report folder '{target}' is a file.");
        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any()) return;
        var manifest = Path.Combine(target, ReportManifest.FileName);
        if (File.Exists(manifest) && ReportManifest.IsOurs(File.ReadAllBytes(manifest))) return;
        throw new IOException(
            $"The folder '{target}' is not empty and holds no Pnen report (no {ReportManifest.FileName} of ours); " +
            "the report replaces its folder as a whole, so choose a new or empty folder.");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind as a hidden sibling folder: harmless, and better than hiding the error that brought us here.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
