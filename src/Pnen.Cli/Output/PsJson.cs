using System.Text.Json;
using Pnen.Cli.Commands;
using Pnen.Stats.Regression;
using Pnen.Stats.Weighting;

namespace Pnen.Cli.Output;

/// <summary>
/// The ps contract: <c>{"treatment","levels","estimand","model":{"kind","coefficients":[{"level",
/// "variable","termLevel","coef","se"}]},"weights":{"sum","min","max","mean"},"ess":[{"level","n",
/// "ess"}],"balance":[{"variable","level","smdBefore","smdAfter"}],"dropped","warnings"}</c>.
/// Extensions: "reference", "focal", "estimandDefinition", "stabilized", "truncation", "n"; per
/// coefficient "possiblyInfinite"; in "model" "converged", "iterations", "deviance", "droppedTerms";
/// per "ess" row the weights' "sum","min","q1","median","q3","max"; per balance row "treatmentLevel"
/// (the level compared with the reference) and the means before and after; "timing" with --timing.
/// </summary>
internal static class PsJson
{
    public static string Write(PsReport report) => JsonOutput.Write(w =>
    {
        var model = report.Model;
        var weights = report.Weights;
        w.WriteStartObject();
        w.WriteString("treatment", report.Treatment);
        w.Strings("levels", model.Levels);
        w.WriteString("estimand", weights.Estimand == Estimand.Att ? "att" : "ate");
        w.WriteStartObject("model");
        w.WriteString("kind", model.Kind == LogitKind.Logistic ? "logistic" : "multinomial");
        w.WriteStartArray("coefficients");
        foreach (var term in model.Terms)
        {
            w.WriteStartObject();
            w.WriteString("level", term.Level);
            w.WriteString("variable", term.Variable);
            NullableString(w, "termLevel", term.TermLevel);
            w.Number("coef", term.Coefficient);
            w.Number("se", term.StdErr);
            w.WriteBoolean("possiblyInfinite", term.PossiblyInfinite);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("converged", model.Converged);
        w.WriteNumber("iterations", model.Iterations);
        w.Number("deviance", model.Deviance);
        w.WriteStartArray("droppedTerms");
        foreach (var dropped in model.DroppedTerms)
        {
            w.WriteStartObject();
            w.WriteString("variable", dropped.Variable);
            NullableString(w, "level", dropped.Level);
            w.WriteString("reason", dropped.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("weights");
        w.Number("sum", weights.Sum);
        w.Number("min", weights.Min);
        w.Number("max", weights.Max);
        w.Number("mean", weights.Mean);
        w.WriteEndObject();
        w.WriteStartArray("ess");
        foreach (var arm in weights.Arms)
        {
            w.WriteStartObject();
            w.WriteString("level", arm.Level);
            w.WriteNumber("n", arm.N);
            w.Number("ess", arm.EffectiveSize);
            w.Number("sum", arm.Sum);
            w.Number("min", arm.Min);
            w.Number("q1", arm.Q1);
            w.Number("median", arm.Median);
            w.Number("q3", arm.Q3);
            w.Number("max", arm.Max);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("balance");
        foreach (var row in report.Balance)
        {
            w.WriteStartObject();
            w.WriteString("variable", row.Variable);
            NullableString(w, "level", row.Level);
            w.Number("smdBefore", row.SmdBefore);
            w.Number("smdAfter", row.SmdAfter);
            w.WriteString("treatmentLevel", row.TreatmentLevel);
            w.Number("meanBefore", row.MeanBefore);
            w.Number("referenceMeanBefore", row.ReferenceMeanBefore);
            w.Number("meanAfter", row.MeanAfter);
            w.Number("referenceMeanAfter", row.ReferenceMeanAfter);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("dropped", model.Dropped);
        w.Strings("warnings", report.Warnings);
        w.WriteString("reference", report.Reference);
        NullableString(w, "focal", report.Focal);
        w.WriteString("estimandDefinition", report.EstimandDefinition);
        w.WriteBoolean("stabilized", weights.Stabilized);
        if (weights.Truncate is { } q)
        {
            w.WriteStartObject("truncation");
            w.WriteNumber("q", q);
            w.Number("lower", weights.TruncationBounds?.Lower);
            w.Number("upper", weights.TruncationBounds?.Upper);
            w.WriteNumber("truncated", weights.Truncated);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("truncation");
        }
        w.WriteNumber("n", model.N);
        w.Timing(report.Timing);
        w.WriteEndObject();
    });

    internal static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
