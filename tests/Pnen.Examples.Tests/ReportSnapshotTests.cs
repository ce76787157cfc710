using Pnen.Testing;

namespace Pnen.Examples.Tests;

/// <summary>
/// The whole report of the example study, pinned: report.md (every table, footnote and the
/// reproduction audit), the Figure 1 flow diagram and the Figure 2 panels. A change shows as a
/// readable diff; accept it with PNEN_ACCEPT=1 after reading it.
/// </summary>
public class ReportSnapshotTests
{
    [Fact]
    public void TheRunSucceeds() => Assert.Equal(0, ExampleRun.Exit);

    [Fact]
    public void Markdown() => Snapshot.Match(ExampleRun.Text("report.md"), extension: "md");

    [Theory]
    [InlineData("flow")]
    [InlineData("km")]
    [InlineData("forest-final-cohort-multivariable")]
    [InlineData("forest-subgroups")]
    [InlineData("love-plot-final-cohort")]
    public void Figure(string name) => Snapshot.Match(ExampleRun.Text($"figures/{name}.svg"), name, "svg");

    [Fact]
    public void TheReportHasNoRowLevelData()
    {
        // Patient ids (P001..P228) never reach a report file.
        foreach (var file in Directory.EnumerateFiles(ExampleRun.File(""), "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"\bP\d{3}\b", text);
        }
    }
}
