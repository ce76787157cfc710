using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Cli.Output;

/// <summary>`pnen cox --format md` additions: what a Firth fit's columns mean, Firth's estimate
/// beside possibly infinite coefficients, the concordance, and the zph table with the terms whose
/// proportional hazards are in doubt (P &lt; 0.05) and what to do about them.</summary>
internal static class CoxChecksMarkdown
{
    public static void Append(StringBuilder text, CoxReport report)
    {
        if (report.Extras is not { } extras) return;
        var level = report.ConfidenceLevel.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
        if (extras.Method == "firth")
        {
            text.Append("\nFirth's penalised likelihood (as coxphf 1.13, Breslow ties): the limits are profile penalised likelihood limits, ")
                .Append("p and the likelihood-ratio test are penalised likelihood-ratio tests.\n");
        }

        var flagged = report.Result.Terms.Where(t => t.PossiblyInfinite && extras.Fallback?.Term(t.Variable, t.Level) is not null).ToList();
        if (flagged.Count > 0)
        {
            text.Append("\nFirth's penalised estimate beside the coefficients that may be infinite:\n\n");
            MarkdownText.Table(text, ["Term", "HR (Firth)", $"{level} profile CI", "p (penalised LR)"], flagged.Select(t =>
            {
                var firth = extras.Fallback!.Term(t.Variable, t.Level)!;
                return (IReadOnlyList<string>)
                [
                    Label(t), MarkdownText.Cell(firth.HazardRatio, "G4"),
                    $"{MarkdownText.Cell(firth.Lower, "G4")} to {MarkdownText.Cell(firth.Upper, "G4")}", MarkdownText.P(firth.PValue),
                ];
            }));
        }

        if (extras.Concordance is { } c)
        {
            text.Append("\nConcordance (Harrell's C): ").Append(MarkdownText.Cell(c.C, "F3")).Append(" (se ").Append(MarkdownText.Cell(c.StdErr, "F3")).Append(")\n");
        }

        if (extras.Zph is not { } zph) return;
        text.Append("\n### Proportional hazards (cox.zph, ").Append(zph.TransformName).Append(" transform)\n\n");
        var rows = zph.Terms.Select(t => (Name: t.Variable, t.ChiSquare, Df: t.DegreesOfFreedom, P: t.PValue)).ToList();
        if (zph.Global is { } global) rows.Add(("Global", global.ChiSquare, global.DegreesOfFreedom, global.PValue));
        MarkdownText.Table(text, ["Term", "Chi-square", "df", "p"], rows.Select(r => (IReadOnlyList<string>)
        [
            r.P < 0.05 ? $"{r.Name} (P < 0.05)" : r.Name, MarkdownText.Cell(r.ChiSquare, "G4"), r.Df.ToString(CultureInfo.InvariantCulture), MarkdownText.P(r.P),
        ]));
        var doubtful = zph.Terms.Where(t => t.PValue < 0.05).Select(t => t.Variable).ToList();
        if (doubtful.Count > 0)
        {
            text.Append("\nThe hazard ratio of ").Append(string.Join(", ", doubtful))
                .Append(" may change over time (P < 0.05). Remedies: stratify on it (--strata) if it is not of interest, ")
                .Append("or model its effect as a function of time (a time interaction, or separate estimates for periods of follow-up).\n");
        }
        else if (zph.Global?.PValue < 0.05)
        {
            text.Append("\nThe global test rejects proportional hazards (P < 0.05) though no single term does: look at the residual plots of each term.\n");
        }
    }

    private static string Label(CoxTerm t) => t.Level is null ? t.Variable : $"{t.Variable}: {t.Level}";
}
