using Pnen.Stats.Baseline;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Report;

/// <summary>
/// results.json: every number the study computed, at full precision (shortest round-trip doubles),
/// in plan order: the flow, then each cohort's curves (every step), tests, univariate rows,
/// multivariable model (coefficients, variance, global tests) and analyses within selections.
/// Missing or non-finite numbers are null.
/// </summary>
internal static class ResultsJson
{
    public const string Format = "pnen-results/1";

    public static string Write<TX>(StudyResult<TX> result) where TX : notnull
    {
        using var json = new JsonText();
        var w = json.Writer;
        w.WriteStartObject();
        json.String("format", Format);
        json.String("study", result.Name);
        json.Object("summary", () => Summary(json, result.Summary));
        json.Object("flow", () => Flow(json, result.Flow));
        json.Object("cohort", () => Cohort(json, result.Cohort));
        json.Array("subgroups", result.Subgroups, c => Cohort(json, c));
        w.WriteEndObject();
        return json.Finish();
    }

    private static void Summary(JsonText json, StudySummary s)
    {
        json.String("outcome", s.OutcomeLabel);
        json.String("event", s.EventLabel);
        json.String("timeUnit", s.TimeUnit);
        json.String("exposure", s.ExposureLabel);
        json.Strings("exposureLevels", s.ExposureLevels);
        json.String("exposureReference", s.ExposureReference);
        json.String("baselineTests", s.BaselineTests);
        json.String("screening", s.Screening);
        json.String("ties", s.Ties);
        json.Strings("characteristics", s.Characteristics);
    }

    private static void Flow(JsonText json, FlowResult f)
    {
        json.String("population", f.Population);
        json.Integer("recruited", f.Recruited);
        json.Array("exclusions", f.Exclusions, e => Step(json, e));
        json.Integer("final", f.Final);
        json.String("exposure", f.ExposureLabel);
        json.Array("arms", f.Arms, a => Arm(json, a));
        json.Array("subgroups", f.Subgroups, s =>
        {
            json.String("name", s.Name);
            json.String("description", s.Description);
            json.Integer("eligible", s.Eligible);
            json.Array("exclusions", s.Exclusions, e => Step(json, e));
            json.Integer("notSelected", s.NotSelected);
            json.Integer("count", s.Count);
            json.Array("arms", s.Arms, a => Arm(json, a));
        });
    }

    private static void Step(JsonText json, FlowStep e)
    {
        json.String("reason", e.Reason);
        json.Integer("excluded", e.Excluded);
        json.Integer("remaining", e.Remaining);
    }

    private static void Arm(JsonText json, LevelCount a)
    {
        json.String("level", a.Level);
        json.Integer("count", a.Count);
    }

    private static void Cohort<TX>(JsonText json, CohortResult<TX> c) where TX : notnull
    {
        json.String("name", c.Name);
        json.Integer("n", c.N);
        json.Integer("events", c.Events);
        json.Number("medianFollowUp", c.MedianFollowUp);
        json.Object("overall", () => Curve(json, c.Overall));
        json.String("exposure", c.ExposureLabel);
        json.Array("exposureCurves", c.ExposureCurves, curve => Curve(json, curve));
        json.Object("exposureLogRank", () => LogRank(json, c.ExposureLogRank));
        json.Optional("baselineTable", c.BaselineTable, t => Baseline(json, t));
        json.Array("univariate", c.Univariate, u =>
        {
            json.String("characteristic", u.Characteristic);
            json.String("kind", u.Kind.ToString());
            json.Bool("isExposure", u.IsExposure);
            json.Integer("missing", u.Missing);
            json.Number("pValue", u.PValue);
            json.String("note", u.Note);
            json.Array("levels", u.Levels, l => Level(json, l));
            json.Optional("logRank", u.LogRank, lr => LogRank(json, lr));
        });
        json.Optional("multivariable", c.MultivariableOrNull, m =>
        {
            json.Strings("covariates", m.Covariates);
            json.String("selection", m.Selection);
            json.Array("estimates", m.Estimates, e => Estimate(json, e));
            json.Strings("notes", m.Notes);
            json.Object("model", () => Cox(json, m.Model));
        });
        json.Array("within", c.Within, within =>
        {
            json.String("name", within.Name);
            json.Integer("n", within.N);
            json.Integer("events", within.Events);
            json.Array("effects", within.Effects, e =>
            {
                json.String("characteristic", e.Characteristic);
                json.Array("levels", e.Levels, l => Level(json, l));
                json.Array("estimates", e.Estimates, est => Estimate(json, est));
                json.Optional("logRank", e.LogRank, lr => LogRank(json, lr));
                json.Optional("model", e.Model, model => Cox(json, model));
                json.String("note", e.Note);
            });
        });
        json.Strings("notes", c.Notes);
    }

    private static void Baseline(JsonText json, BaselineTable t)
    {
        json.String("by", t.By);
        json.Strings("groups", t.Groups);
        Integers(json, "groupSizes", t.GroupSizes);
        json.Integer("total", t.Total);
        json.Array("rows", t.Rows, r =>
        {
            json.String("variable", r.Variable);
            json.String("kind", r.Kind.ToString());
            json.String("test", r.Test);
            json.String("method", r.Method);
            json.Number("statistic", r.Statistic);
            json.Number("df", r.Df);
            json.Number("df2", r.Df2);
            json.Number("p", r.P);
            json.Optional("normality", r.Normality, n =>
            {
                json.Number("w", n.W);
                json.Number("p", n.P);
            });
            json.Integer("missing", r.Missing);
            Integers(json, "missingCounts", r.MissingCounts);
            if (r.Levels is { } levels)
            {
                json.Array("levels", levels, l =>
                {
                    json.String("level", l.Level);
                    Integers(json, "counts", l.Counts);
                    json.Writer.WriteStartArray("percents");
                    foreach (var p in l.Percents) json.Number(p);
                    json.Writer.WriteEndArray();
                    json.Integer("overallCount", l.Overall.Count);
                    json.Number("overallPercent", l.Overall.Percent);
                });
            }
            else
            {
                json.Writer.WriteNull("levels");
            }
            if (r.Summary is { } summary) json.Array("summary", summary, g => Summary(json, g));
            else json.Writer.WriteNull("summary");
            json.Optional("overall", r.Overall, g => Summary(json, g));
            json.Number("smd", r.Smd);
            json.Strings("notes", r.Notes);
        });
        json.Strings("warnings", t.Warnings);
    }

    private static void Summary(JsonText json, GroupSummary g)
    {
        json.String("group", g.Group);
        json.Integer("n", g.N);
        json.Number("mean", g.Mean);
        json.Number("sd", g.Sd);
        json.Number("median", g.Median);
        json.Number("q1", g.Q1);
        json.Number("q3", g.Q3);
        json.Number("min", g.Min);
        json.Number("max", g.Max);
        json.Integer("missing", g.Missing);
    }

    private static void Integers(JsonText json, string name, IEnumerable<int> values)
    {
        json.Writer.WriteStartArray(name);
        foreach (var v in values) json.Writer.WriteNumberValue(v);
        json.Writer.WriteEndArray();
    }

    private static void Level(JsonText json, LevelSurvival l)
    {
        json.String("level", l.Level);
        json.Integer("n", l.N);
        json.Number("percent", l.Percent);
        json.Integer("events", l.Events);
        json.Number("median", l.Median);
        json.Number("q25", l.Q25);
        json.Number("q75", l.Q75);
    }

    private static void Estimate(JsonText json, AdjustedEstimate e)
    {
        json.String("characteristic", e.Characteristic);
        json.String("level", e.Level);
        json.Bool("isReference", e.IsReference);
        json.Number("hazardRatio", e.HazardRatio);
        json.Number("lower", e.Lower);
        json.Number("upper", e.Upper);
        json.Number("pValue", e.PValue);
        json.Bool("possiblyInfinite", e.PossiblyInfinite);
        json.String("note", e.Note);
    }

    private static void Curve(JsonText json, KaplanMeierCurve curve)
    {
        json.String("level", curve.Level);
        json.Integer("n", curve.N);
        json.Integer("events", curve.Events);
        json.Object("median", () => Quantile(json, curve.Median));
        json.Object("q25", () => Quantile(json, curve.Quantile(0.25)));
        json.Object("q75", () => Quantile(json, curve.Quantile(0.75)));
        json.Writer.WriteStartArray("steps");
        foreach (var s in curve.Steps)
        {
            json.Writer.WriteStartObject();
            json.Number("time", s.Time);
            json.Integer("atRisk", s.AtRisk);
            json.Integer("events", s.Events);
            json.Integer("censored", s.Censored);
            json.Number("survival", s.Survival);
            json.Number("stdErr", s.StdErr);
            json.Number("lower", s.Lower);
            json.Number("upper", s.Upper);
            json.Writer.WriteEndObject();
        }
        json.Writer.WriteEndArray();
    }

    private static void Quantile(JsonText json, SurvivalQuantile q)
    {
        json.Number("probability", q.Probability);
        json.Number("time", q.Time);
        json.Number("lower", q.Lower);
        json.Number("upper", q.Upper);
    }

    private static void LogRank(JsonText json, LogRankResult lr)
    {
        json.Number("chiSquare", lr.ChiSquare);
        json.Integer("degreesOfFreedom", lr.DegreesOfFreedom);
        json.Number("pValue", lr.PValue);
        json.Number("rho", lr.Rho);
        json.Array("groups", lr.Groups, g =>
        {
            json.String("level", g.Level);
            json.Integer("n", g.N);
            json.Number("observed", g.Observed);
            json.Number("expected", g.Expected);
        });
        json.Strings("warnings", lr.Warnings);
    }

    private static void Cox(JsonText json, CoxResult m)
    {
        json.Integer("n", m.N);
        json.Integer("events", m.Events);
        json.Integer("dropped", m.Dropped);
        json.Integer("iterations", m.Iterations);
        json.Bool("converged", m.Converged);
        json.String("ties", m.Ties.ToString());
        json.Number("logLikelihoodStart", m.LogLikelihoodStart);
        json.Number("logLikelihoodEnd", m.LogLikelihoodEnd);
        json.Optional("likelihoodRatio", m.LikelihoodRatio, t => Global(json, t));
        json.Optional("wald", m.Wald, t => Global(json, t));
        json.Optional("score", m.Score, t => Global(json, t));
        json.Array("terms", m.Terms, t =>
        {
            json.String("variable", t.Variable);
            json.String("level", t.Level);
            json.Number("coefficient", t.Coefficient);
            json.Number("stdErr", t.StdErr);
            json.Number("z", t.Z);
            json.Number("pValue", t.PValue);
            json.Number("hazardRatio", t.HazardRatio);
            json.Number("lower", t.Lower);
            json.Number("upper", t.Upper);
            json.Bool("possiblyInfinite", t.PossiblyInfinite);
        });
        json.Array("droppedTerms", m.DroppedTerms, d =>
        {
            json.String("variable", d.Variable);
            json.String("level", d.Level);
            json.String("reason", d.Reason);
        });
        json.Writer.WriteStartArray("variance");
        foreach (var v in m.Variance) json.Number(v);
        json.Writer.WriteEndArray();
        json.Strings("warnings", m.Warnings);
    }

    private static void Global(JsonText json, CoxGlobalTest t)
    {
        json.Number("chiSquare", t.ChiSquare);
        json.Integer("degreesOfFreedom", t.DegreesOfFreedom);
        json.Number("pValue", t.PValue);
    }
}
