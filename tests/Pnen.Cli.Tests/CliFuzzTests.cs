using System.Text.Json;
using Pnen.Data.Tests.Fuzz;

namespace Pnen.Cli.Tests;

/// <summary>
/// 3,000 fuzzed files (the corpus of Pnen.Data.Tests' fuzz test, another seed) through `pnen km`,
/// `logrank` and `cox` in-process: exit 0 with valid JSON whose every number is finite, or exit 2 with a
/// one-line message on stderr that names the file and nothing on stdout; never exit 1 (a bug), never a hang.
/// </summary>
public sealed class CliFuzzTests : IDisposable
{
    public const int Inputs = 3_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-cli-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EveryInputEndsInZeroOrTwo()
    {
        var mutator = new CsvMutator(seed: 17);
        var inputs = new byte[Inputs][];
        for (var i = 0; i < Inputs; i++) inputs[i] = mutator.Next();
        var exits = new int[3];

        FuzzGuard.Run(Inputs, i =>
        {
            var path = Path.Combine(_folder, "fuzz.csv");
            File.WriteAllBytes(path, inputs[i]);
            string[] args = (i % 3) switch
            {
                0 => ["km", "--data", path, "--time", "time", "--event", "status", "--group", "group"],
                1 => ["logrank", "--data", path, "--time", "time", "--event", "status", "--group", "group"],
                _ => ["cox", "--data", path, "--time", "time", "--event", "status", "--covariates", "x,group"],
            };
            var (exit, stdout, stderr) = CliRunner.Run(args);
            Assert.True(exit is 0 or 2, $"pnen {args[0]} exited {exit}: {stderr}");
            exits[exit]++;
            if (exit == 2)
            {
                Assert.Equal("", stdout);
                Assert.StartsWith(path, stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", stderr);
                Assert.DoesNotContain('\n', stderr.TrimEnd('\r', '\n'));
            }
            else
            {
                // Valid JSON has no NaN or Infinity token; every number in it must also be finite.
                using var json = JsonDocument.Parse(stdout);
                AllFinite(json.RootElement);
            }
        }, i => Convert.ToBase64String(inputs[i].AsSpan(0, Math.Min(inputs[i].Length, 4096))));

        Assert.Equal(0, exits[1]);
        Assert.True(exits[0] > Inputs / 10 && exits[2] > Inputs / 10, $"{exits[0]} succeeded, {exits[2]} refused");
    }

    private static void AllFinite(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.True(double.IsFinite(element.GetDouble()), element.GetRawText());
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) AllFinite(property.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) AllFinite(item);
                break;
        }
    }
}
