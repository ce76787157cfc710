using Pnen.Dsl.Report;
using Pnen.Report.Tests.Veteran;

namespace Pnen.Report.Tests.Figures;

/// <summary>
/// The figures' text fits its boxes, columns and canvas when drawn with DejaVu Sans, the widest common
/// sans-serif font (a Debian machine's only one), and the widths the figures are laid out with are
/// DejaVu's: checked on renders by rsvg-convert (see <see cref="SvgTextFit"/>).
/// </summary>
public class FigureTextFitTests
{
    [Fact]
    public void LungFiguresFitWithDejaVuOnly() => AssertFits(Figures(LungReport.Result, LungReport.Options));

    [Fact]
    public void VeteranFiguresFitWithDejaVuOnly() => AssertFits(Figures(VeteranReport.Result, folder => new ReportOptions { OutputDirectory = folder }));

    [Fact]
    public void SuppressedCountsFitWithDejaVuOnly() =>
        AssertFits(Figures(VeteranReport.Result, folder => new ReportOptions { OutputDirectory = folder, SuppressBelow = 11 }));

    [Fact]
    public void TheLayoutWidthsAreThoseOfTheRenderedFont()
    {
        // The ink of a text is narrower than its advance (side bearings) but not by much: a render with
        // a narrower font (Liberation Sans, or DejaVu Sans Condensed) would fail the lower bound, and
        // widths too small for DejaVu (Helvetica's, used before) the upper one.
        string[] samples = ["Levamisole + 5-FU (n = 225)", "Number at risk", "Survival probability", "HR (95% CI)", "Mmmmmmmmmm", "0.734 (0.591\u20130.911)", "\u2264 0.05"];
        var styles = samples.SelectMany(s => new[] { new SvgTextFit.Style(s, 12, false, false, "start"), new SvgTextFit.Style(s, 12, true, false, "start") }).ToArray();
        var inks = SvgTextFit.Measure(styles);
        foreach (var style in styles)
        {
            var ink = inks[style];
            var width = TextMetrics.Width(style.Text, style.Size, style.Bold);
            Assert.True(ink.Right - ink.Left <= width, $"'{style.Text}' (bold {style.Bold}): ink {ink.Right - ink.Left:0.0} wider than the layout's {width:0.0}");
            Assert.True(ink.Right - ink.Left >= 0.9 * width - 2, $"'{style.Text}' (bold {style.Bold}): ink {ink.Right - ink.Left:0.0} much narrower than the layout's {width:0.0}: not DejaVu Sans?");
        }
    }

    internal static Dictionary<string, string> Figures<TX>(Dsl.StudyResult<TX> result, Func<string, ReportOptions> options) where TX : notnull
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(result, options(scratch.Report) with { Formats = ReportFormats.None });
        return output.Files.Where(f => f.Path.EndsWith(".svg", StringComparison.Ordinal)).ToDictionary(f => f.Path, f => File.ReadAllText(output.PathOf(f.Path)));
    }

    internal static void AssertFits(IReadOnlyDictionary<string, string> figures)
    {
        Assert.NotEmpty(figures);
        var problems = SvgTextFit.Problems(figures);
        Assert.True(problems.Count == 0, $"{problems.Count} texts do not fit:\n" + string.Join("\n", problems.Take(40)));
    }
}
