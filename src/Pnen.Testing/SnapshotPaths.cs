namespace Pnen.Testing;

/// <summary>Where a test's snapshot files live: beside its source file, named as Verify names them.</summary>
internal readonly record struct SnapshotPaths(string Verified, string Received)
{
    public static SnapshotPaths For(string sourceFile, string test, string? name, string extension)
    {
        if (string.IsNullOrEmpty(sourceFile)) throw new ArgumentException("The caller's source file is unknown.", nameof(sourceFile));
        var directory = Path.GetDirectoryName(sourceFile);
        if (directory is null || !Directory.Exists(directory))
        {
            // Deterministic CI builds map source paths to /_/..., which does not exist on disk.
            throw new InvalidOperationException(
                $"The test source folder '{directory}' does not exist. Snapshot tests need real source paths: set " +
                "<DeterministicSourcePaths>false</DeterministicSourcePaths> in the test project.");
        }
        extension = extension.TrimStart('.');
        if (extension.Length == 0) throw new ArgumentException("A snapshot needs a file extension.", nameof(extension));
        var stem = Path.GetFileNameWithoutExtension(sourceFile) + "." + test + (string.IsNullOrEmpty(name) ? "" : "." + Sanitize(name));
        return new SnapshotPaths(
            Path.Combine(directory, stem + ".verified." + extension),
            Path.Combine(directory, stem + ".received." + extension));
    }

    // A parameter may hold characters no file system accepts; those become '_'.
    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['<', '>', ':', '"', '|', '?', '*', '\\', '/']).ToHashSet();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
