using System.Diagnostics;
using System.Globalization;
using Pnen.Benchmarks.Data;

namespace Pnen.Benchmarks.Harness;

/// <summary>
/// The plain harness: each operation at 10^3 … 10^7 rows, best of a few runs (more for small n,
/// where noise dominates), with allocated bytes and the peak resident set, then the log-log
/// slope of time against n from 10^4 up: close to 1 means the work grows linearly.
/// </summary>
internal static class ScalingHarness
{
    public static int Run(int minRows, int maxRows, IReadOnlyList<Operation> operations, string folder, TextWriter output)
    {
        var sizes = new List<int>();
        for (long n = minRows; n <= maxRows; n *= 10) sizes.Add((int)n);

        // Compile every path once on small data, so no size pays for the JIT.
        var warm = new Workload(SyntheticCohort.Generate(2000, seed: 7), folder);
        foreach (var op in operations) op.Run(warm);

        var results = new Dictionary<string, List<(double N, double Ms)>>();
        var cpuResults = new Dictionary<string, List<(double N, double Ms)>>();
        output.WriteLine(Invariant($"{"operation",-18} {"rows",10} {"best ms",10} {"cpu ms",10} {"runs",5} {"alloc MB",10} {"peak+ MB",9} {"input MB",9} {"peak/input",10}"));
        foreach (var n in sizes)
        {
            var workload = new Workload(SyntheticCohort.Generate(n), folder);
            foreach (var op in operations)
            {
                if (op.Name == "csv-load") workload.CsvPath(); // writing the file is not part of loading it
                var runs = n <= 10_000 ? 15 : n <= 100_000 ? 7 : n <= 1_000_000 ? 3 : 2;
                var best = double.MaxValue;
                var bestCpu = double.MaxValue;
                long allocated = 0, extraPeak = 0;
                for (var run = 0; run < runs; run++)
                {
                    var before = PeakMemory.Reset();
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var cpuBefore = CpuMilliseconds();
                    var clock = Stopwatch.StartNew();
                    var result = op.Run(workload);
                    clock.Stop();
                    bestCpu = Math.Min(bestCpu, CpuMilliseconds() - cpuBefore);
                    GC.KeepAlive(result);
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                    extraPeak = Math.Max(extraPeak, PeakMemory.Peak() - before);
                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                }
                var input = op.InputBytes(workload.Cohort);
                // Engines read columns that exist already: their peak is input + what they add.
                // The loader creates its columns: its peak is what it adds.
                var peakRatio = op.Name == "csv-load" ? (double)extraPeak / input : (double)(input + extraPeak) / input;
                output.WriteLine(Invariant($"{op.Name,-18} {n,10} {best,10:F2} {bestCpu,10:F1} {runs,5} {allocated / 1e6,10:F1} {extraPeak / 1e6,9:F1} {input / 1e6,9:F1} {peakRatio,10:F2}"));
                output.Flush();
                if (!results.TryGetValue(op.Name, out var points)) results[op.Name] = points = [];
                points.Add((n, best));
                if (!cpuResults.TryGetValue(op.Name, out var cpuPoints)) cpuResults[op.Name] = cpuPoints = [];
                cpuPoints.Add((n, bestCpu));
            }
        }

        output.WriteLine();
        output.WriteLine("scaling exponent (log-log slope of time on n, n >= 10^4; 1 = linear), of wall and of CPU time:");
        foreach (var op in operations)
        {
            var points = results[op.Name].Where(p => p.N >= 10_000).ToList();
            var cpuPoints = cpuResults[op.Name].Where(p => p.N >= 10_000).ToList();
            output.WriteLine(Invariant($"  {op.Name,-18} wall {LogLogFit.Slope(points),6:F3}   cpu {LogLogFit.Slope(cpuPoints),6:F3}  ({points.Count} sizes)"));
        }
        output.WriteLine("cpu ms: processor time of the whole process (every thread), which a busy machine disturbs less than wall time.");
        output.WriteLine(PeakMemory.CanReset
            ? "peak+ MB: rise of the resident set above its level just before the run (high-water mark reset per run)."
            : "peak+ MB: the high-water mark cannot be reset here; it is the peak since the process started.");
        return 0;
    }

    private static double CpuMilliseconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
