using Pnen.Testing;

namespace Pnen_Study1.Tests;

/// <summary>
/// Pins the study's report: the report.md that `dotnet run` writes is compared with the committed
/// ReportTests.Report.verified.md. Any change in the data, the plan or Pnen's numbers shows as a
/// readable diff and fails; the new text is left in ReportTests.Report.received.md. When the change
/// is intended, accept it by renaming the .received. file to .verified., or run `PNEN_ACCEPT=1 dotnet test`,
/// and commit the snapshot with the change that caused it.
/// </summary>
public sealed class ReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-study-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Report()
    {
        var output = Path.Combine(_folder, "report");

        var exit = await CohortStudy.RunAsync(["--out", output, "--quiet"]);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Snapshot.Match(File.ReadAllText(Path.Combine(output, "report.md")), extension: "md");
    }

    [Fact]
    public void FlowCountsTheCohort()
    {
        // The typed result: what a methodologist checks by hand against the data file.
        var result = CohortStudy.Execute(Path.Combine(AppContext.BaseDirectory, "Data", "veteran.csv"));

        Assert.Equal(137, result.Flow.Recruited);
        Assert.Equal(8, result.Flow.Exclusions.Single().Excluded);
        Assert.Equal(129, result.Flow.Final);
        Assert.Equal([65, 64], result.Flow.Arms.Select(a => a.Count));
        Assert.Equal(79, result.Subgroups.RandomisedEarly.N);
        Assert.Equal(50, result.Subgroups.RandomisedLate.N);
    }

    [Fact]
    public async Task BadDataIsAnErrorNotAReport()
    {
        var data = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(data, "trt,celltype,time,status,karno,diagtime,age,prior\n1,squamous,72,1,60,7,69,0\n3,squamous,411,1,70,5,64,10\n");

        var exit = await CohortStudy.RunAsync(["--data", data, "--out", Path.Combine(_folder, "report"), "--quiet"]);

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(Path.Combine(_folder, "report")));
    }
}
