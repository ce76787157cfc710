using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;

namespace Pnen.Cli.Output;

/// <summary>`pnen logrank --format md`.</summary>
internal static class LogRankMarkdown
{
    public static string Write(LogRankReport report)
    {
        var result = report.Result;
        var text = new StringBuilder();
        var test = result.Rho == 0 ? "Log-rank test" : $"Fleming-Harrington G-rho test (rho = {MarkdownText.Number(result.Rho)})";
        text.Append("## ").Append(test).Append(": ").Append(report.Time).Append(" by ").Append(report.Group);
        if (report.Strata is not null) text.Append(", stratified by ").Append(report.Strata);
        text.Append("\n\n");
        MarkdownText.Table(text, ["Group", "n", "Observed", "Expected", "(O-E)²/E"], result.Groups.Select(g => (IReadOnlyList<string>)
        [
            g.Level, g.N.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(g.Observed), MarkdownText.Cell(g.Expected),
            MarkdownText.Cell(g.Expected > 0 ? (g.Observed - g.Expected) * (g.Observed - g.Expected) / g.Expected : null),
        ]));
        text.Append("\nChi-square = ").Append(MarkdownText.Cell(result.ChiSquare)).Append(" on ")
            .Append(result.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture)).Append(" df, p = ")
            .Append(MarkdownText.P(result.PValue)).Append('\n');
        MarkdownText.Warnings(text, report.Warnings);
        MarkdownText.Timing(text, report.Timing);
        return text.ToString();
    }
}
