using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Firth;

namespace Pnen.Dsl.Report;

/// <summary>
/// results.json's model checks: per model <c>"method"</c> ("coxph" or "firth"), <c>"concordance":{"c","stdErr"}</c>,
/// <c>"proportionalHazards"</c> (cox.zph: transform, global and per-term tests, the plot data) and
/// <c>"firth"</c> (Firth's penalised fit: the model's own, or the refit beside possibly infinite rows);
/// per term <c>"proportionalHazards"</c>; per estimate <c>"firth"</c>; per Cox fit its robust variance's
/// <c>"clusters"</c> and <c>"robustScore"</c>, and per coefficient <c>"naiveStdErr"</c>. Under small-cell
/// suppression the residual points and event times are null (each is one patient's event); the
/// smooth, its band and the tests stay.
/// </summary>
internal static class ModelChecksJson
{
    public static void Model<TX>(JsonText json, ModelResult<TX> m, Disclosure disclosure) where TX : notnull
    {
        json.String("method", m.IsFirth ? "firth" : "coxph");
        json.Optional("concordance", m.Concordance, c =>
        {
            json.Number("c", c.C);
            json.Number("stdErr", c.StdErr);
        });
        json.Optional("proportionalHazards", m.ProportionalHazards, ph => ProportionalHazards(json, ph, disclosure));
        json.Optional("firth", m.FirthFit, f => Firth(json, f));
    }

    public static void Term(JsonText json, TermResult t) => json.Optional("proportionalHazards", t.ProportionalHazards, test => ResultsJson.Test(json, test));

    public static void Estimate(JsonText json, Estimate e) => json.Optional("firth", e.Firth, f =>
    {
        json.Number("coefficient", f.Coefficient);
        json.Number("hazardRatio", f.HazardRatio);
        json.Number("lower", f.Lower);
        json.Number("upper", f.Upper);
        json.Number("chiSquare", f.ChiSquare);
        json.Number("p", f.P);
    });

    /// <summary>The robust variance's additions to a Cox fit (null without one).</summary>
    public static void Robust(JsonText json, CoxResult cox)
    {
        if (cox.Clusters is { } clusters) json.Integer("clusters", clusters);
        else json.Writer.WriteNull("clusters");
        json.Optional("robustScore", cox.RobustScore, t => ResultsJson.Global(json, t));
    }

    public static void NaiveStdErr(JsonText json, CoxTerm term) => json.Number("naiveStdErr", term.NaiveStdErr);

    private static void ProportionalHazards(JsonText json, ProportionalHazardsResult ph, Disclosure disclosure)
    {
        var hidden = disclosure.Active;
        json.String("transform", ph.Transform);
        json.Bool("ofOrdinaryFit", ph.OfOrdinaryFit);
        json.Optional("global", ph.Global, t => ResultsJson.Test(json, t));
        if (hidden)
        {
            json.Writer.WriteNull("eventTimes");
            json.Writer.WriteNull("transformedTimes");
        }
        else
        {
            json.Numbers("eventTimes", ph.EventTimes);
            json.Numbers("transformedTimes", ph.TransformedTimes);
        }
        json.Array("timeAxis", ph.TimeAxis, tick =>
        {
            json.Number("time", tick.Time);
            json.Number("position", tick.Position);
        });
        json.Array("terms", ph.Terms, t =>
        {
            json.String("id", t.Id);
            json.String("label", t.Label);
            json.Object("test", () => ResultsJson.Test(json, t.Test));
            json.Number("coefficient", t.Coefficient);
            if (hidden)
            {
                json.Writer.WriteNull("residuals");
            }
            else
            {
                json.Writer.WriteStartArray("residuals");
                foreach (var r in t.Residuals) json.Number(r);
                json.Writer.WriteEndArray();
            }
            json.Optional("smooth", t.Smooth, s =>
            {
                json.Numbers("x", s.X);
                json.Numbers("fit", s.Fit);
                json.Numbers("lower", s.Lower);
                json.Numbers("upper", s.Upper);
            });
        });
        json.Strings("warnings", ph.Warnings);
    }

    private static void Firth(JsonText json, FirthCoxResult f)
    {
        json.Bool("converged", f.Converged);
        json.Integer("iterations", f.Iterations);
        json.Number("logLikelihoodStart", f.LogLikelihoodStart);
        json.Number("logLikelihoodEnd", f.LogLikelihoodEnd);
        json.Optional("likelihoodRatio", f.LikelihoodRatio, t => ResultsJson.Global(json, t));
        json.Optional("wald", f.Wald, t => ResultsJson.Global(json, t));
        json.Array("terms", f.Terms, t =>
        {
            json.String("variable", t.Variable);
            json.String("level", t.Level);
            json.Number("coefficient", t.Coefficient);
            json.Number("stdErr", t.StdErr);
            json.Number("hazardRatio", t.HazardRatio);
            json.Number("lower", t.Lower);
            json.Number("upper", t.Upper);
            json.Number("chiSquare", t.ChiSquare);
            json.Number("pValue", t.PValue);
        });
        json.Array("droppedTerms", f.DroppedTerms, d =>
        {
            json.String("variable", d.Variable);
            json.String("level", d.Level);
            json.String("reason", d.Reason);
        });
    }
}
