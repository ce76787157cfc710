using System.Text.Json;
using Pnen.Cli.Commands;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Cli.Output;

/// <summary>
/// The cox contract: <c>{"n","events","dropped","iterations","converged","loglik":[start,end],
/// "tests":{"lr":{"chisq","df","p"},"wald":{...},"score":{...}},"terms":[{"variable","level","coef",
/// "se","z","p","hr","lower","upper","possiblyInfinite"}],"warnings":[...]}</c>. "dropped" counts
/// every row left out for a missing value (outcome, covariate or stratum). Extensions: "ties",
/// "strata", "confLevel", "droppedTerms":[{"variable","level","reason"}], "interactions", "nonlinearity"
/// and "splines" (<see cref="CoxTermsJson"/>); "method", "concordance", "zph" and Firth's fields
/// (<see cref="CoxChecksJson"/>); "timing" with --timing.
/// With a robust variance (--robust, --cluster, or weights that are not whole numbers):
/// "se", "z", "p", "lower", "upper" and tests "wald" use it, each term gains "naiveSe" (the
/// model-based one), tests gain "robust":{"chisq","df","p"} (R's robust score test), and the
/// top level "variance":"robust" and "clusters"; none of these appear otherwise.
/// </summary>
internal static class CoxJson
{
    public static string Write(CoxReport report) => JsonOutput.Write(w =>
    {
        var result = report.Result;
        w.WriteStartObject();
        w.WriteNumber("n", result.N);
        w.WriteNumber("events", result.Events);
        w.WriteNumber("dropped", report.Dropped);
        w.WriteNumber("iterations", result.Iterations);
        w.WriteBoolean("converged", result.Converged);
        w.WriteStartArray("loglik");
        w.NumberValue(result.LogLikelihoodStart);
        w.NumberValue(result.LogLikelihoodEnd);
        w.WriteEndArray();
        w.WriteStartObject("tests");
        Test(w, "lr", result.LikelihoodRatio);
        Test(w, "wald", result.Wald);
        Test(w, "score", result.Score);
        var robust = result.NaiveVariance is not null;
        if (robust) Test(w, "robust", result.RobustScore);
        w.WriteEndObject();
        w.WriteStartArray("terms");
        foreach (var term in result.Terms)
        {
            w.WriteStartObject();
            w.WriteString("variable", term.Variable);
            Level(w, term.Level);
            w.Number("coef", term.Coefficient);
            w.Number("se", term.StdErr);
            if (robust) w.Number("naiveSe", term.NaiveStdErr);
            w.Number("z", term.Z);
            w.Number("p", term.PValue);
            w.Number("hr", term.HazardRatio);
            w.Number("lower", term.Lower);
            w.Number("upper", term.Upper);
            w.WriteBoolean("possiblyInfinite", term.PossiblyInfinite);
            CoxChecksJson.Term(w, report, term);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Strings("warnings", report.Warnings);
        w.WriteString("ties", result.Ties == CoxTies.Breslow ? "breslow" : "efron");
        if (report.Strata is null) w.WriteNull("strata");
        else w.WriteString("strata", report.Strata);
        w.WriteNumber("confLevel", report.ConfidenceLevel);
        if (robust)
        {
            w.WriteString("variance", "robust");
            w.WriteNumber("clusters", result.Clusters ?? 0);
        }
        w.WriteStartArray("droppedTerms");
        foreach (var dropped in result.DroppedTerms)
        {
            w.WriteStartObject();
            w.WriteString("variable", dropped.Variable);
            Level(w, dropped.Level);
            w.WriteString("reason", dropped.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        CoxTermsJson.Write(w, report.TermTests);
        CoxChecksJson.Model(w, report);
        w.Timing(report.Timing);
        w.WriteEndObject();
    });

    private static void Level(Utf8JsonWriter w, string? level)
    {
        if (level is null) w.WriteNull("level");
        else w.WriteString("level", level);
    }

    private static void Test(Utf8JsonWriter w, string name, CoxGlobalTest? test)
    {
        if (test is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.Number("chisq", test.ChiSquare);
        w.WriteNumber("df", test.DegreesOfFreedom);
        w.Number("p", test.PValue);
        w.WriteEndObject();
    }
}
