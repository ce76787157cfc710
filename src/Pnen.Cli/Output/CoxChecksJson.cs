using System.Text.Json;
using Pnen.Cli.Commands;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Zph;

namespace Pnen.Cli.Output;

/// <summary>
/// The cox contract's additions for concordance, zph and Firth: per term <c>"method"</c> (how its
/// numbers were estimated), with --firth <c>"chisq"</c> (the penalised likelihood-ratio chi-square
/// behind <c>"p"</c>), and beside a possibly infinite coefficient <c>"firth":{"coef","hr","lower",
/// "upper","p"}</c>; for the model <c>"method"</c> ("coxph" or "firth"), <c>"concordance":{"c","se"}</c>
/// and with --zph <c>"zph":{"transform","terms":[{"variable","chisq","df","p"}],"global":{"chisq","df","p"}}</c>.
/// </summary>
internal static class CoxChecksJson
{
    public static void Term(Utf8JsonWriter w, CoxReport report, CoxTerm term)
    {
        if (report.Extras is not { } extras) return;
        w.WriteString("method", extras.Method);
        if (extras.FirthChiSquares is { } chiSquares) w.Number("chisq", chiSquares.GetValueOrDefault((term.Variable, term.Level)));
        if (term.PossiblyInfinite && extras.Fallback?.Term(term.Variable, term.Level) is { } firth)
        {
            w.WriteStartObject("firth");
            w.Number("coef", firth.Coefficient);
            w.Number("hr", firth.HazardRatio);
            w.Number("lower", firth.Lower);
            w.Number("upper", firth.Upper);
            w.Number("p", firth.PValue);
            w.WriteEndObject();
        }
    }

    public static void Model(Utf8JsonWriter w, CoxReport report)
    {
        if (report.Extras is not { } extras) return;
        w.WriteString("method", extras.Method);
        if (extras.Concordance is { } c)
        {
            w.WriteStartObject("concordance");
            w.Number("c", c.C);
            w.Number("se", c.StdErr);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("concordance");
        }
        if (extras.Zph is { } zph) Zph(w, zph);
    }

    private static void Zph(Utf8JsonWriter w, CoxZphResult zph)
    {
        w.WriteStartObject("zph");
        w.WriteString("transform", zph.TransformName);
        w.WriteStartArray("terms");
        foreach (var term in zph.Terms)
        {
            w.WriteStartObject();
            w.WriteString("variable", term.Variable);
            Test(w, term.ChiSquare, term.DegreesOfFreedom, term.PValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (zph.Global is { } global)
        {
            w.WriteStartObject("global");
            Test(w, global.ChiSquare, global.DegreesOfFreedom, global.PValue);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("global");
        }
        w.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter w, double? chisq, int df, double? p)
    {
        w.Number("chisq", chisq);
        w.WriteNumber("df", df);
        w.Number("p", p);
    }
}
