namespace Pnen.Dsl.Report;

/// <summary>The plan's declaration in results.json: what was declared, with the stable ids of the typed results.</summary>
internal static partial class PlanJson
{
    public static void Write(JsonText json, PlanDeclaration plan)
    {
        json.String("name", plan.Name);
        json.String("population", plan.Population);
        json.Optional("outcome", plan.Outcome, o =>
        {
            json.String("time", o.TimeLabel);
            json.String("event", o.EventLabel);
            json.String("timeUnit", o.Unit);
            // With a report unit of its own: the data's unit and how many report units one of it is.
            if (o.Scale is { } scale && scale.Data != scale.Report)
            {
                json.String("dataTimeUnit", TimeScale.Label(scale.Data));
                json.Number("timeFactor", scale.Factor);
            }
        });
        json.Bool("randomised", plan.Randomised);
        json.Strings("exclusions", plan.Exclusions);
        json.Array("strata", plan.Strata, v => Variable(json, v));
        json.Object("exposure", () => Variable(json, plan.Exposure));
        json.Array("characteristics", plan.Characteristics, v => Variable(json, v));
        json.Optional("baselineTable", plan.Baseline, b =>
        {
            json.String("by", b.By);
            json.String("categoricalTest", b.Categorical.ToString());
            json.String("continuousTest", b.Continuous.ToString());
            json.Bool("pValues", b.PValues);
            json.Bool("standardisedDifferences", b.StandardisedDifferences);
            json.Bool("overall", b.Overall);
        });
        json.Bool("univariate", plan.Univariate);
        json.Array("models", plan.Models, m =>
        {
            json.String("id", m.Id);
            json.String("name", m.Name);
            json.String("ties", m.Ties.ToString());
            json.String("screen", m.Screen?.ToString());
            json.Bool("firth", m.Firth);
            json.Optional("cluster", m.Cluster, v => Variable(json, v));
            json.Array("strata", m.Strata, v => Variable(json, v));
            json.Array("terms", m.Terms, t =>
            {
                json.String("id", t.Id);
                json.String("label", t.Label);
                json.String("form", t.Form.ToString());
                json.Number("perUnit", t.PerUnit);
                json.Integer("splineDf", t.SplineDf);
                json.String("first", t.First);
                json.String("second", t.Second);
            });
        });
        json.Numbers("survivalTimes", plan.SurvivalTimes);
        json.Number("restrictedMeanTau", plan.RestrictedMeanTau);
        json.Array("subgroups", plan.Subgroups, s =>
        {
            json.String("id", s.Id);
            json.String("name", s.Name);
            json.String("description", s.Description);
            json.Strings("exclusions", s.Exclusions);
        });
        Confounding(json, plan);
    }

    private static void Variable(JsonText json, VariableDeclaration v)
    {
        json.String("id", v.Id);
        json.String("label", v.Label);
        json.String("kind", v.Kind.ToString());
        json.Strings("levels", v.Levels);
        json.String("reference", v.Reference);
        json.String("unit", v.Unit);
        json.String("derivation", v.Derivation?.Describe());
    }
}
