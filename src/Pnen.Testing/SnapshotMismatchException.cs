namespace Pnen.Testing;

/// <summary>A snapshot did not match, or had never been accepted. Test frameworks report any
/// exception as a failure, so this needs no framework's own assertion type.</summary>
public sealed class SnapshotMismatchException : Exception
{
    public SnapshotMismatchException(string message, string verifiedPath, string receivedPath)
        : base(message)
    {
        VerifiedPath = verifiedPath;
        ReceivedPath = receivedPath;
    }

    public string VerifiedPath { get; }

    public string ReceivedPath { get; }
}
