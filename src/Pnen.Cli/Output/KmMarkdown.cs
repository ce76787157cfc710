using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;

namespace Pnen.Cli.Output;

/// <summary>`pnen km --format md`: a summary table, then each curve's step table.</summary>
internal static class KmMarkdown
{
    public static string Write(KmReport report)
    {
        var text = new StringBuilder();
        var options = report.Curves.Count > 0 ? report.Curves[0].Options : Stats.Survival.KaplanMeierOptions.Default;
        var level = options.ConfidenceLevel.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
        text.Append("## Kaplan-Meier: ").Append(report.Time).Append(" (event ").Append(report.Event).Append(')');
        if (report.Group is not null) text.Append(", by ").Append(report.Group);
        text.Append("\n\n");

        var header = new List<string> { "Group", "n", "Events", "Median", $"{level} CI", "Q25", "Q75" };
        if (report.Tau is { } tau) header.Add($"RMST to {MarkdownText.Number(tau)} (SE)");
        MarkdownText.Table(text, header, report.Curves.Select(c =>
        {
            var row = new List<string>
            {
                c.Level, c.N.ToString(CultureInfo.InvariantCulture), Count(c.WeightedEvents ?? c.Events),
                MarkdownText.Number(c.Median.Time),
                $"{MarkdownText.Number(c.Median.Lower)} to {MarkdownText.Number(c.Median.Upper)}",
                MarkdownText.Number(c.Quantile(0.25).Time), MarkdownText.Number(c.Quantile(0.75).Time),
            };
            if (report.Tau is { } t)
            {
                var rmst = c.RestrictedMean(t);
                row.Add($"{MarkdownText.Number(rmst.Mean)} ({MarkdownText.Number(rmst.StdErr, "G4")})");
            }
            return (IReadOnlyList<string>)row;
        }));
        text.Append("\nNR: not reached. Medians and limits as R's print(survfit); quartiles as quantile(survfit).\n");
        if (report.Variance is not null)
        {
            text.Append("Counts are sums of case weights; standard errors ")
                .Append(report.Variance == "robust" ? "robust (infinitesimal jackknife, as survfit with weights that are not whole numbers)" : "Greenwood's on the weighted counts")
                .Append(".\n");
        }

        foreach (var curve in report.Curves)
        {
            text.Append("\n### ").Append(report.Group is null ? "All subjects" : $"{report.Group} = {curve.Level}").Append("\n\n");
            MarkdownText.Table(text, ["Time", "At risk", "Events", "Censored", "Survival", "SE(log S)", "Lower", "Upper"],
                curve.Steps.Select(s => (IReadOnlyList<string>)
                [
                    MarkdownText.Cell(s.Time), Count(s.WeightedAtRisk ?? s.AtRisk),
                    Count(s.WeightedEvents ?? s.Events), Count(s.WeightedCensored ?? s.Censored),
                    MarkdownText.Cell(s.Survival, "0.0000"), MarkdownText.Cell(s.StdErr, "0.0000"),
                    MarkdownText.Cell(s.Lower, "0.0000"), MarkdownText.Cell(s.Upper, "0.0000"),
                ]));
        }
        MarkdownText.Warnings(text, report.Warnings);
        MarkdownText.Timing(text, report.Timing);
        return text.ToString();
    }

    /// <summary>A count as a whole number, or a weighted sum with its decimals.</summary>
    private static string Count(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
