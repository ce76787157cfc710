using System.Text.Json;
using Pnen.Cli.Commands;
using Pnen.Stats.Survival;

namespace Pnen.Cli.Output;

/// <summary>
/// The km contract: <c>{"groups":[{"level","n","events","median","lower","upper","q25","q75",
/// "steps":[{"time","atRisk","events","censored","survival","stdErr","lower","upper"}]}]}</c>.
/// Extensions (never removals): per group "rmst" when --tau is given; top-level "dropped",
/// "confType", "confLevel" and "warnings"; "timing" with --timing. With --weights, "atRisk",
/// "events" and "censored" (and a group's "events") are R's weighted sums, possibly not whole
/// numbers, and a top-level "variance" says which variance "stdErr" comes from ("greenwood" or
/// "robust", survfit's infinitesimal jackknife).
/// </summary>
internal static class KmJson
{
    public static string Write(KmReport report) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("groups");
        foreach (var curve in report.Curves) Group(w, curve, report.Tau);
        w.WriteEndArray();
        w.WriteNumber("dropped", report.Dropped);
        var options = report.Curves.Count > 0 ? report.Curves[0].Options : KaplanMeierOptions.Default;
        w.WriteString("confType", options.ConfidenceType switch
        {
            ConfidenceType.LogLog => "log-log",
            ConfidenceType.Plain => "plain",
            _ => "log",
        });
        w.WriteNumber("confLevel", options.ConfidenceLevel);
        if (report.Variance is not null) w.WriteString("variance", report.Variance);
        w.Strings("warnings", report.Warnings);
        w.Timing(report.Timing);
        w.WriteEndObject();
    });

    private static void Group(Utf8JsonWriter w, KaplanMeierCurve curve, double? tau)
    {
        w.WriteStartObject();
        w.WriteString("level", curve.Level);
        w.WriteNumber("n", curve.N);
        w.WriteNumber("events", curve.WeightedEvents ?? curve.Events);
        w.Number("median", curve.Median.Time);
        w.Number("lower", curve.Median.Lower);
        w.Number("upper", curve.Median.Upper);
        w.Number("q25", curve.Quantile(0.25).Time);
        w.Number("q75", curve.Quantile(0.75).Time);
        if (tau is { } horizon)
        {
            var rmst = curve.RestrictedMean(horizon);
            w.WriteStartObject("rmst");
            w.WriteNumber("tau", rmst.Tau);
            w.Number("mean", rmst.Mean);
            w.Number("se", rmst.StdErr);
            w.WriteEndObject();
        }
        w.WriteStartArray("steps");
        foreach (var step in curve.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("time", step.Time);
            w.WriteNumber("atRisk", step.WeightedAtRisk ?? step.AtRisk);
            w.WriteNumber("events", step.WeightedEvents ?? step.Events);
            w.WriteNumber("censored", step.WeightedCensored ?? step.Censored);
            w.WriteNumber("survival", step.Survival);
            w.Number("stdErr", step.StdErr);
            w.Number("lower", step.Lower);
            w.Number("upper", step.Upper);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
