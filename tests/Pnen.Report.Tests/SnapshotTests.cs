using Pnen.Dsl.Report;
using Pnen.Report.Tests.Veteran;
using Pnen.Testing;

namespace Pnen.Report.Tests;

/// <summary>
/// Pins the Markdown report and every SVG figure of the lung study, and the Markdown and the
/// four-panel and flow figures of the veteran study (the paper's shape: four panels, three subgroups).
/// A change shows as a readable diff; accept it with PNEN_ACCEPT=1 after looking at the figures.
/// </summary>
public class SnapshotTests
{
    public static TheoryData<string> LungFigures => new() { "flow", "km", "km-final-cohort", "km-older", "forest-final-cohort-multivariable", "forest-older-multivariable", "forest-subgroups" };

    [Fact]
    public void LungMarkdown()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Snapshot.Match(File.ReadAllText(output.PathOf("report.md")), extension: "md");
    }

    [Theory]
    [MemberData(nameof(LungFigures))]
    public void LungFigure(string figure)
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Snapshot.Match(File.ReadAllText(output.PathOf($"figures/{figure}.svg")), figure, "svg");
    }

    [Fact]
    public void LungSurvivalTableCsv()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Snapshot.Match(File.ReadAllText(output.PathOf("tables/univariate-final-cohort.csv")), extension: "csv");
    }

    [Fact]
    public void VeteranMarkdown()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(VeteranReport.Result, new ReportOptions { OutputDirectory = scratch.Report });
        Snapshot.Match(File.ReadAllText(output.PathOf("report.md")), extension: "md");
    }

    [Theory]
    [InlineData("km")]
    [InlineData("flow")]
    [InlineData("forest-final-cohort-multivariable")]
    public void VeteranFigure(string figure)
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(VeteranReport.Result, new ReportOptions { OutputDirectory = scratch.Report });
        Snapshot.Match(File.ReadAllText(output.PathOf($"figures/{figure}.svg")), figure, "svg");
    }
}
