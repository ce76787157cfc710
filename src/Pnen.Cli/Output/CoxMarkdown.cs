using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Cli.Output;

/// <summary>`pnen cox --format md`: the coefficient table and the global tests.</summary>
internal static class CoxMarkdown
{
    public static string Write(CoxReport report)
    {
        var result = report.Result;
        var level = report.ConfidenceLevel.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.Append("## Cox proportional hazards: ").Append(report.Time).Append(" (event ").Append(report.Event).Append(')');
        if (report.Strata is not null) text.Append(", stratified by ").Append(report.Strata);
        text.Append("\n\n")
            .Append(FormattableString.Invariant($"n = {result.N}, events = {result.Events}, dropped = {report.Dropped}; ties: {(result.Ties == CoxTies.Breslow ? "Breslow" : "Efron")}; "))
            .Append(result.Converged ? FormattableString.Invariant($"converged in {result.Iterations} iterations") : "did not converge")
            .Append("\n\n");
        var robust = result.NaiveVariance is not null;
        if (robust) text.Append(FormattableString.Invariant($"Robust (sandwich) standard errors, {result.Clusters} clusters; the model-based ones beside them.\n\n"));
        MarkdownText.Table(text, ["Term", "coef", "HR", $"{level} CI", robust ? "Robust SE" : "SE", .. (robust ? new[] { "Model SE" } : []), "z", "p"], result.Terms.Select(t => (IReadOnlyList<string>)
        [
            (t.Level is null ? t.Variable : $"{t.Variable}: {t.Level}") + (t.PossiblyInfinite ? " (may be infinite)" : ""),
            MarkdownText.Cell(t.Coefficient, "G5"), MarkdownText.Cell(t.HazardRatio, "G4"),
            $"{MarkdownText.Cell(t.Lower, "G4")} to {MarkdownText.Cell(t.Upper, "G4")}",
            MarkdownText.Cell(t.StdErr, "G4"), .. (robust ? new[] { MarkdownText.Cell(t.NaiveStdErr, "G4") } : []), MarkdownText.Cell(t.Z, "G4"), MarkdownText.P(t.PValue),
        ]));
        text.Append('\n');
        var tests = new List<(string Name, CoxGlobalTest? Test)> { ("Likelihood ratio", result.LikelihoodRatio), ("Wald", result.Wald), ("Score (log-rank)", result.Score) };
        if (robust) tests.Add(("Robust score", result.RobustScore));
        MarkdownText.Table(text, ["Test", "Chi-square", "df", "p"],
            tests
                .Select(x => (IReadOnlyList<string>)
                [
                    x.Name, MarkdownText.Cell(x.Test?.ChiSquare), x.Test?.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture) ?? "—", MarkdownText.P(x.Test?.PValue),
                ]));
        CoxTermsMarkdown.Write(text, report.TermTests);
        CoxChecksMarkdown.Append(text, report);
        MarkdownText.Warnings(text, report.Warnings);
        MarkdownText.Timing(text, report.Timing);
        return text.ToString();
    }
}
