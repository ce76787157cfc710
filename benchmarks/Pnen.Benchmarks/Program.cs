using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pnen.Benchmarks.Data;
using Pnen.Benchmarks.Harness;
using Pnen.Data;

namespace Pnen.Benchmarks;

/// <summary>
/// Commands:
///   scaling [--min N] [--max N] [--ops km,cox-efron,...] [--folder DIR]   timing table and scaling exponents
///   generate --rows N --out FILE [--seed S]                              one synthetic CSV file
///   load --data FILE                                                     time reading every column of a file
///   compare --data FILE [--reps N]                                       Pnen's side of compare-with-r.sh (JSON)
///   anything else                                                        BenchmarkDotNet (e.g. --filter '*Cox*')
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "";
        var options = Options(args.AsSpan(Math.Min(1, args.Length)));
        switch (command)
        {
            case "scaling":
                var names = options.TryGetValue("ops", out var ops) ? ops.Split(',') : Operation.All.Select(o => o.Name).ToArray();
                var unknown = names.Where(n => Operation.All.All(o => o.Name != n)).ToArray();
                if (unknown.Length > 0)
                {
                    Console.Error.WriteLine($"unknown operation(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Operation.All.Select(o => o.Name))}");
                    return 2;
                }
                return ScalingHarness.Run(
                    Int(options, "min", 1_000), Int(options, "max", 10_000_000),
                    Operation.All.Where(o => names.Contains(o.Name)).ToArray(),
                    options.GetValueOrDefault("folder") ?? CohortFiles.DefaultFolder, Console.Out);

            case "generate":
                var rows = Int(options, "rows", 1_000_000);
                var seed = options.TryGetValue("seed", out var s) ? ulong.Parse(s, CultureInfo.InvariantCulture) : 20250101UL;
                var output = options.GetValueOrDefault("out") ?? throw new ArgumentException("generate needs --out FILE");
                SyntheticCohort.Generate(rows, seed).WriteCsv(output);
                Console.WriteLine(output);
                return 0;

            case "load":
                var data = options.GetValueOrDefault("data") ?? throw new ArgumentException("load needs --data FILE");
                var cold = Stopwatch.StartNew();
                TableReader.Read(data, CohortFiles.AllColumns); // the first read pays for the JIT
                cold.Stop();
                var clock = Stopwatch.StartNew();
                var table = TableReader.Read(data, CohortFiles.AllColumns);
                clock.Stop();
                Console.WriteLine(FormattableString.Invariant($"{{\"rows\":{table.RowCount},\"loadMs\":{clock.Elapsed.TotalMilliseconds:F1},\"firstLoadMs\":{cold.Elapsed.TotalMilliseconds:F1}}}"));
                return 0;

            case "compare":
                return CompareRun.Run(options.GetValueOrDefault("data") ?? throw new ArgumentException("compare needs --data FILE"), Int(options, "reps", 3), Console.Out);

            default:
                // In-process: no generated project to restore and build on two cores.
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args,
                    DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator));
                return 0;
        }
    }

    private static Dictionary<string, string> Options(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
}
