using System.Text.RegularExpressions;
using Pnen.Dsl.Report;

namespace Pnen.Report.Tests;

/// <summary>report.html stands alone: inline CSS and SVG, no script, no reference to anything outside it.</summary>
public partial class HtmlTests
{
    private static string Html()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        return File.ReadAllText(output.PathOf("report.html"));
    }

    [Fact]
    public void HasNoExternalReference()
    {
        var html = Html();
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(SourceOrLink(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void InlinesEveryFigureAndTable()
    {
        var html = Html();
        var document = StudyReport.Build(LungReport.Result, LungReport.Options("unused"));
        Assert.Equal(document.Figures.Count(), Regex.Count(html, "<svg "));
        Assert.Equal(document.Tables.Count(), Regex.Count(html, "<table>"));
        Assert.Contains("<style>", html);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public void MarksSignificantPValuesAndPrintsJournalDashes()
    {
        var html = Html();
        Assert.Contains("<td class=\"significant\">&lt;0.001</td>", html);
        Assert.Contains("<td>Ref</td>", html);
        Assert.Contains("<td>\u2014</td>", html);
        Assert.Contains("<th class=\"group\" colspan=\"2\">Univariate analysis</th>", html);
    }

    [Fact]
    public void IdsAreUnique()
    {
        var ids = Regex.Matches(Html(), "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Contains("figure-flow", ids);
        Assert.Contains("table-flow", ids);
    }

    [GeneratedRegex("\\b(src|href|xlink:href)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SourceOrLink();
}
