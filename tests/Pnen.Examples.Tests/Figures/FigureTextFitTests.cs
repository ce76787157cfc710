using Pnen.Examples.Tests.Colon;
using Pnen.Report.Tests.Figures;

namespace Pnen.Examples.Tests.Figures;

/// <summary>Every figure of both example reports (the paper's and the colon trial's, whose flow diagram
/// clipped "225" to "2" with DejaVu before) fits its boxes, columns and canvas with DejaVu Sans only.</summary>
public class FigureTextFitTests
{
    [Fact]
    public void PnenSurgeryFiguresFitWithDejaVuOnly() => AssertFits(ExampleRun.File("figures"));

    [Fact]
    public void ColonAdjuvantFiguresFitWithDejaVuOnly() => AssertFits(ColonRun.File("figures"));

    private static void AssertFits(string folder)
    {
        var figures = Directory.EnumerateFiles(folder, "*.svg").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        Assert.NotEmpty(figures);
        var problems = SvgTextFit.Problems(figures);
        Assert.True(problems.Count == 0, $"{problems.Count} texts do not fit:\n" + string.Join("\n", problems.Take(40)));
    }
}
