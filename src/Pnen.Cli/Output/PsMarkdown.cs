using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;
using Pnen.Stats.Regression;

namespace Pnen.Cli.Output;

/// <summary>`pnen ps --format md`: the estimand, the model, the weights per arm and the balance table.</summary>
internal static class PsMarkdown
{
    public static string Write(PsReport report)
    {
        var model = report.Model;
        var weights = report.Weights;
        var text = new StringBuilder();
        text.Append("## Propensity score weighting: ").Append(report.Treatment).Append(" (reference ").Append(report.Reference).Append(")\n\n")
            .Append(report.EstimandDefinition).Append(weights.Stabilized ? "; stabilised by the proportion receiving each level" : "")
            .Append(weights.TruncationBounds is { } b ? FormattableString.Invariant($"; truncated at the {weights.Truncate:G4} quantiles ({b.Lower:G4} to {b.Upper:G4}, {weights.Truncated} weights capped)") : "")
            .Append(".\n\n")
            .Append(FormattableString.Invariant($"{(model.Kind == LogitKind.Logistic ? "Logistic" : "Multinomial logistic")} model: n = {model.N}, dropped = {model.Dropped}; "))
            .Append(model.Converged ? FormattableString.Invariant($"converged in {model.Iterations} iterations") : "did not converge").Append("\n\n");
        MarkdownText.Table(text, ["Level", "Term", "coef", "SE"], model.Terms.Select(t => (IReadOnlyList<string>)
        [
            t.Level, (t.TermLevel is null ? t.Variable : $"{t.Variable}: {t.TermLevel}") + (t.PossiblyInfinite ? " (may be infinite)" : ""),
            MarkdownText.Cell(t.Coefficient, "G5"), MarkdownText.Cell(t.StdErr, "G4"),
        ]));
        text.Append('\n');
        MarkdownText.Table(text, ["Level", "n", "ESS", "Sum of weights", "Min", "Median", "Max"], weights.Arms.Select(a => (IReadOnlyList<string>)
        [
            a.Level, a.N.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(a.EffectiveSize, "F1"), MarkdownText.Cell(a.Sum, "F1"),
            MarkdownText.Cell(a.Min, "G4"), MarkdownText.Cell(a.Median, "G4"), MarkdownText.Cell(a.Max, "G4"),
        ]));
        text.Append('\n');
        MarkdownText.Table(text, ["Covariate", "Comparison", "SMD before", "SMD after"], report.Balance.Select(r => (IReadOnlyList<string>)
        [
            r.Level is null ? r.Variable : $"{r.Variable}: {r.Level}", $"{r.TreatmentLevel} vs {report.Reference}",
            MarkdownText.Cell(r.SmdBefore, "F3"), MarkdownText.Cell(r.SmdAfter, "F3") + (r.SmdAfter is { } s && Math.Abs(s) > 0.1 ? " (> 0.1)" : ""),
        ]));
        text.Append("\nStandardised differences: difference in means (proportions) over the pooled SD of the unweighted arms (cobalt's convention); |SMD| > 0.1 is flagged.\n");
        MarkdownText.Warnings(text, report.Warnings);
        MarkdownText.Timing(text, report.Timing);
        return text.ToString();
    }
}
