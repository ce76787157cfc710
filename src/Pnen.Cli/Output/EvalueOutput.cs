using System.Text;
using Pnen.Stats.Sensitivity;

namespace Pnen.Cli.Output;

/// <summary>
/// The evalue contract: <c>{"point","ci"}</c>, the E-values of the estimate and of the confidence limit
/// nearest 1 (1 when the interval includes 1, null without that limit). Extensions: "rr", "rrLower",
/// "rrUpper" (the risk ratios the E-values are computed from) and "commonOutcome".
/// </summary>
internal static class EvalueOutput
{
    public static string Json(bool commonOutcome, EValueResult result) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.Number("point", result.Point);
        w.Number("ci", result.ConfidenceLimit);
        w.Number("rr", result.RiskRatio);
        w.Number("rrLower", result.RiskRatioLower);
        w.Number("rrUpper", result.RiskRatioUpper);
        w.WriteBoolean("commonOutcome", commonOutcome);
        w.WriteEndObject();
    });

    public static string Markdown(double estimate, double? lower, double? upper, bool commonOutcome, EValueResult result)
    {
        var text = new StringBuilder("## E-value\n\n");
        text.Append("HR ").Append(MarkdownText.Cell(estimate, "G4"));
        if (lower is not null || upper is not null) text.Append(" (").Append(MarkdownText.Cell(lower, "G4")).Append(" to ").Append(MarkdownText.Cell(upper, "G4")).Append(')');
        text.Append(commonOutcome ? ", common outcome: RR = " + MarkdownText.Cell(result.RiskRatio, "G4") : ", rare outcome: RR = HR").Append("\n\n");
        text.Append("E-value of the estimate: ").Append(MarkdownText.Cell(result.Point, "F2"))
            .Append("; of the confidence limit nearest 1: ").Append(MarkdownText.Cell(result.ConfidenceLimit, "F2")).Append("\n\n")
            .Append("An unmeasured confounder associated with both the exposure and the outcome by a risk ratio of at least the E-value each could explain the estimate away (VanderWeele & Ding 2017).\n");
        return text.ToString();
    }
}
