namespace Pnen.Report.Tests;

/// <summary>A temporary folder for one test, deleted when the test ends.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch() => Root = LungReport.ScratchFolder();

    public string Root { get; }

    public string Report => Path.Combine(Root, "report");

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
