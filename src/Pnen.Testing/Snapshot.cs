using System.Runtime.CompilerServices;
using System.Text;

namespace Pnen.Testing;

/// <summary>
/// Compares text with a committed snapshot, following Verify's conventions so that moving to Verify
/// later is mechanical: <c>{TestFile}.{Test}[.{name}].verified.{ext}</c> beside the test's source file
/// is the accepted text; on a mismatch the new text is written to the matching <c>.received.</c> file
/// (never committed) and the failure shows a unified diff. A missing snapshot fails too. Setting the
/// environment variable <c>PNEN_ACCEPT=1</c> accepts the received text instead of failing.
/// Line endings are compared as '\n', so a checkout with CRLF does not fail.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that, set to 1 or true, accepts every new or changed snapshot.</summary>
    public const string AcceptVariable = "PNEN_ACCEPT";

    /// <summary>Asserts that <paramref name="actual"/> equals the verified snapshot.</summary>
    /// <param name="name">Distinguishes several snapshots of one test (e.g. a parameter value); optional.</param>
    /// <param name="extension">The snapshot file's extension, without the dot: <c>txt</c>, <c>cs</c>, <c>json</c>, ...</param>
    /// <exception cref="SnapshotMismatchException">The snapshot is missing or differs, and accepting is off.</exception>
    public static void Match(
        string actual,
        string? name = null,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string test = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        Match(actual, SnapshotPaths.For(sourceFile, test, name, extension), Accepting());
    }

    internal static void Match(string actual, SnapshotPaths paths, bool accept)
    {
        var received = Normalize(actual);
        var verified = File.Exists(paths.Verified) ? Normalize(File.ReadAllText(paths.Verified, Encoding.UTF8)) : null;

        if (verified == received)
        {
            if (File.Exists(paths.Received)) File.Delete(paths.Received);
            return;
        }
        if (accept)
        {
            File.WriteAllText(paths.Verified, received, Utf8);
            if (File.Exists(paths.Received)) File.Delete(paths.Received);
            return;
        }

        File.WriteAllText(paths.Received, received, Utf8);
        var message = verified is null
            ? $"No verified snapshot {Path.GetFileName(paths.Verified)} yet. The text was written to{Environment.NewLine}  {paths.Received}{Environment.NewLine}Review it and rename it to .verified., or run the tests with {AcceptVariable}=1."
            : $"The snapshot {Path.GetFileName(paths.Verified)} differs (- verified, + received). Received text written to{Environment.NewLine}  {paths.Received}{Environment.NewLine}Accept it by renaming it, or run the tests with {AcceptVariable}=1.{Environment.NewLine}{Environment.NewLine}{UnifiedDiff.Create(verified, received)}";
        throw new SnapshotMismatchException(message, paths.Verified, paths.Received);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static bool Accepting()
    {
        var value = Environment.GetEnvironmentVariable(AcceptVariable);
        return value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
