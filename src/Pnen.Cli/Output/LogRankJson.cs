using Pnen.Cli.Commands;

namespace Pnen.Cli.Output;

/// <summary>
/// The logrank contract: <c>{"chisq","df","p","groups":[{"level","n","observed","expected"}]}</c>.
/// chisq and p are null when there is nothing to compare. Extensions: "rho", "strata",
/// "dropped", "warnings"; "timing" with --timing.
/// </summary>
internal static class LogRankJson
{
    public static string Write(LogRankReport report) => JsonOutput.Write(w =>
    {
        var result = report.Result;
        w.WriteStartObject();
        w.Number("chisq", result.ChiSquare);
        w.WriteNumber("df", result.DegreesOfFreedom);
        w.Number("p", result.PValue);
        w.WriteStartArray("groups");
        foreach (var g in result.Groups)
        {
            w.WriteStartObject();
            w.WriteString("level", g.Level);
            w.WriteNumber("n", g.N);
            w.WriteNumber("observed", g.Observed);
            w.WriteNumber("expected", g.Expected);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("rho", result.Rho);
        if (report.Strata is null) w.WriteNull("strata");
        else w.WriteString("strata", report.Strata);
        w.WriteNumber("dropped", report.Dropped);
        w.Strings("warnings", report.Warnings);
        w.Timing(report.Timing);
        w.WriteEndObject();
    });
}
