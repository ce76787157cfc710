using System.Security.Cryptography;

namespace Pnen.Dsl.Report;

/// <summary>
/// Which data a report was computed from: the input's name (a file name, never a full path, so the
/// manifest does not depend on where the data sat) and the SHA-256 of its bytes.
/// </summary>
public sealed record DataFingerprint(string Name, string Sha256)
{
    public static DataFingerprint FromBytes(string name, ReadOnlySpan<byte> bytes) =>
        new(name, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    public static DataFingerprint FromFile(string path)
    {
        using var stream = File.OpenRead(path);
        return new DataFingerprint(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
