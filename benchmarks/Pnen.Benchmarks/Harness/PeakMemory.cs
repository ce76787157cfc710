using System.Diagnostics;

namespace Pnen.Benchmarks.Harness;

/// <summary>
/// The process's resident set and its high-water mark. On Linux the mark can be reset
/// (writing 5 to /proc/self/clear_refs), which lets one process measure the peak of each
/// operation in turn; elsewhere the mark is the peak since the process started.
/// </summary>
internal static class PeakMemory
{
    public static bool CanReset { get; } = File.Exists("/proc/self/clear_refs");

    /// <summary>Collects garbage and starts a new high-water mark at the current resident set.</summary>
    public static long Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (CanReset)
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return Current();
    }

    public static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static long Peak()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
