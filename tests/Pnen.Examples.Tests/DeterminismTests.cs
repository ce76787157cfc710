using Pnen.Dsl;
using PnenSurgery;

namespace Pnen.Examples.Tests;

/// <summary>Subgroups analysed in parallel give exactly the numbers of a sequential run, and a
/// second run of the study gives the same report bytes.</summary>
public class DeterminismTests
{
    [Fact]
    public void ParallelSubgroupsGiveTheSequentialNumbers()
    {
        var data = Codebook.Load<Patient>(ExampleRun.DataReader(), "pnen-shm-synthetic.csv");
        var parallel = PnenSurgeryStudy.Plan.Execute(data, new StudyExecutionOptions { Parallel = true });
        var sequential = PnenSurgeryStudy.Plan.Execute(data, new StudyExecutionOptions { Parallel = false });
        Assert.Equal(Numbers(sequential), Numbers(parallel));
    }

    [Fact]
    public async Task ASecondRunWritesTheSameBytes()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("pnen-example-again-").FullName, "report");
        try
        {
            Assert.Equal(0, await PnenSurgeryStudy.RunAsync(["--out", folder, "--quiet"]));
            var first = Directory.EnumerateFiles(ExampleRun.File(""), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(ExampleRun.File(""), f), File.ReadAllBytes(f))).ToArray();
            var second = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(folder, f), File.ReadAllBytes(f))).ToArray();
            Assert.Equal(first.Select(f => f.Item1), second.Select(f => f.Item1));
            for (var i = 0; i < first.Length; i++) Assert.True(first[i].Item2.AsSpan().SequenceEqual(second[i].Item2), $"{first[i].Item1} differs");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    /// <summary>Every number a reader would quote, bit for bit (formatted round-trip).</summary>
    private static string[] Numbers(StudyResult<Surgery> result) =>
        new[] { result.Cohort }.Concat(result.Subgroups).SelectMany(c => new[]
        {
            $"{c.Name} n={c.N} events={c.Events} fu={c.MedianFollowUp:R} p={c.ExposureLogRank.PValue:R}",
        }.Concat(c.Characteristics.Select(u => $"{c.Name} {u.Label} p={u.P:R}"))
         .Concat(c.Models.SelectMany(m => m.Estimates.Select(e => $"{c.Name} {m.Name} {e.Term} {e.Level} hr={e.HazardRatio:R} p={e.P:R}")))).ToArray();
}
