using Pnen.Stats.Baseline;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Report;

/// <summary>
/// results.json: every number the study computed, at full precision (shortest round-trip doubles),
/// in plan order: the flow, then each cohort's curves (every step), tests, univariate rows,
/// multivariable model (coefficients, variance, global tests) and analyses within selections.
/// Missing or non-finite numbers are null. Under small-cell suppression (<see cref="Disclosure"/>) a
/// hidden count is null too, with what it derives (a percentage, a small group's median and summary),
/// the curves' step tables are null (each step is the time of one patient's event or censoring), and
/// so are the minimum and maximum of every continuous characteristic (single patients' values); a
/// "disclosure" object says so.
/// </summary>
internal static partial class ResultsJson
{
    public const string Format = "pnen-results/2";

    public static string Write<TX>(StudyResult<TX> result, Disclosure disclosure) where TX : notnull
    {
        using var json = new JsonText();
        var w = json.Writer;
        var d = new Writer(json, disclosure);
        w.WriteStartObject();
        json.String("format", Format);
        json.String("study", result.Name);
        if (disclosure.Threshold is { } threshold)
        {
            json.Object("disclosure", () =>
            {
                json.Integer("suppressBelow", threshold);
                json.Integer("hiddenCounts", disclosure.HiddenCount);
                json.Strings("omitted", [
                    "counts from 1 to suppressBelow - 1 and complementary counts (null)",
                    "percentages, medians and summaries of those counts or of groups smaller than suppressBelow (null)",
                    "Kaplan-Meier step tables (steps: null)",
                    "minimum and maximum of continuous characteristics (null)",
                ]);
            });
        }
        json.Object("plan", () => PlanJson.Write(json, result.Declaration));
        json.Object("flow", () => Flow(d, result.Flow, result.Cohort.Name));
        json.Object("cohort", () => Cohort(d, result.Cohort));
        json.Array("subgroups", result.Subgroups, c => Cohort(d, c));
        w.WriteEndObject();
        return json.Finish();
    }

    /// <summary>The JSON writer with the report's disclosure rules: a hidden count is null.</summary>
    private sealed class Writer(JsonText json, Disclosure disclosure)
    {
        public JsonText Json { get; } = json;

        public Disclosure Disclosure { get; } = disclosure;

        public void Count(string name, CountKey key)
        {
            if (Disclosure.IsHidden(key)) Json.Writer.WriteNull(name);
            else Json.Integer(name, key.Value);
        }

        /// <summary>A count no table sum binds (e.g. a model within a selection): the primary rule.</summary>
        public void Alone(string name, int value)
        {
            if (Disclosure.IsSmall(value)) Json.Writer.WriteNull(name);
            else Json.Integer(name, value);
        }

        /// <summary>A number derived from a count or describing a group: null where that is hidden.</summary>
        public void Number(string name, double? value, bool withheld) => Json.Number(name, withheld ? null : value);
    }

    private static void Flow(Writer d, FlowResult f, string final)
    {
        var json = d.Json;
        json.String("population", f.Population);
        d.Count("recruited", CountKey.Recruited(f.Recruited));
        var last = f.Exclusions.Count - 1;
        json.Array("exclusions", f.Exclusions.Select((e, i) => (e, i)), x => Step(d, x.e,
            CountKey.Excluded(x.i, x.e.Excluded), x.i == last ? CountKey.CohortN(final, x.e.Remaining) : CountKey.Remaining(x.i, x.e.Remaining)));
        d.Count("final", CountKey.CohortN(final, f.Final));
        json.String("exposure", f.ExposureLabel);
        json.Array("arms", f.Arms, a => Arm(d, a, final));
        json.Array("subgroups", f.Subgroups, s =>
        {
            json.String("name", s.Name);
            json.String("description", s.Description);
            d.Count("eligible", CountKey.CohortN(final, s.Eligible));
            json.Array("exclusions", s.Exclusions.Select((e, i) => (e, i)), x => Step(d, x.e,
                CountKey.SubgroupExcluded(s.Name, x.i, x.e.Excluded), CountKey.SubgroupRemaining(s.Name, x.i, x.e.Remaining)));
            d.Count("notSelected", CountKey.NotSelected(s.Name, s.NotSelected));
            d.Count("count", CountKey.CohortN(s.Name, s.Count));
            json.Array("arms", s.Arms, a => Arm(d, a, s.Name));
        });
    }

    private static void Step(Writer d, FlowStep e, CountKey excluded, CountKey remaining)
    {
        d.Json.String("reason", e.Reason);
        d.Count("excluded", excluded);
        d.Count("remaining", remaining);
    }

    private static void Arm(Writer d, LevelCount a, string cohort)
    {
        d.Json.String("level", a.Level);
        d.Count("count", CountKey.Arm(cohort, a.Level, a.Count));
    }

    private static void Cohort<TX>(Writer d, CohortResult<TX> c) where TX : notnull
    {
        var json = d.Json;
        var name = c.Name;
        json.String("name", c.Name);
        d.Count("n", CountKey.CohortN(name, c.N));
        d.Count("events", CountKey.CohortEvents(name, c.Events));
        d.Number("medianFollowUp", c.MedianFollowUp, d.Disclosure.IsSmall(c.N));
        json.Object("overall", () => Curve(d, c.Overall, CountKey.CohortN(name, c.N), CountKey.CohortEvents(name, c.Events)));
        json.String("exposure", c.ExposureLabel);
        json.Array("exposureCurves", c.ExposureCurves, curve => Curve(d, curve, CountKey.Arm(name, curve.Level, curve.N), CountKey.ArmEvents(name, curve.Level, curve.Events)));
        json.Object("exposureLogRank", () => LogRank(d, c.ExposureLogRank,
            g => CountKey.Arm(name, g.Level, g.N), g => CountKey.ArmEvents(name, g.Level, (int)Math.Round(g.Observed))));
        json.Optional("baselineTable", c.BaselineTable, t => Baseline(d, t, name, t.By == c.ExposureLabel));
        json.Array("characteristics", c.Characteristics, u => Characteristic(d, name, u,
            l => DisclosureBuilder.LevelKey(name, u, l), l => DisclosureBuilder.LevelEventsKey(name, u, l), CountKey.Missing(name, u.Label, u.Missing)));
        json.Array("models", c.Models, m => Model(d, name, m));
        json.Bool("timeDependentExposure", c.TimeDependentExposure);
        json.Optional("immortalTime", c.ImmortalTime, check =>
        {
            json.String("startsAt", check.StartsAt);
            json.Bool("timeDependentMain", check.TimeDependentMain);
            d.Alone("leftOut", check.LeftOut);
            d.Alone("startsAfterFollowUp", check.StartsAfterFollowUp);
            json.Array("naive", check.Naive, m => Model(d, name + "\u001fnaive", m));
            json.Array("timeDependent", check.TimeDependent, m => Model(d, name + "\u001ftime-dependent", m));
            json.Array("landmarks", check.Landmarks, l =>
            {
                json.Number("time", l.Time);
                d.Alone("n", l.N);
                d.Alone("events", l.Events);
                json.Array("arms", l.Arms, a =>
                {
                    json.String("level", a.Level);
                    d.Alone("count", a.Count);
                });
                json.Array("models", l.Models, m => Model(d, $"{name}\u001flandmark {l.Time}", m));
            });
            json.Object("mantelByar", () => LogRank(d, check.MantelByar, g => CountKey.Arm(name + "\u001ftime-dependent", g.Level, g.N),
                g => CountKey.ArmEvents(name + "\u001ftime-dependent", g.Level, (int)Math.Round(g.Observed))));
        });
        json.Optional("survivalAt", c.SurvivalAt, s => json.Array("arms", s.Arms, arm =>
        {
            json.String("level", arm.Level);
            d.Count("n", CountKey.Arm(name, arm.Level, arm.N));
            var small = d.Disclosure.IsSmall(arm.N);
            json.Array("points", arm.Points, p =>
            {
                json.Number("time", p.Time);
                d.Number("survival", p.Survival, small);
                d.Number("lower", p.Lower, small);
                d.Number("upper", p.Upper, small);
                d.Number("stdErr", p.StdErr, small);
                d.Alone("atRisk", p.AtRisk);
            });
        }));
        json.Optional("restrictedMean", c.RestrictedMean, r =>
        {
            json.Number("tau", r.Tau);
            json.Array("arms", r.Arms, arm =>
            {
                var small = d.Disclosure.IsSmall(arm.N);
                json.String("level", arm.Level);
                d.Count("n", CountKey.Arm(name, arm.Level, arm.N));
                d.Number("mean", arm.Mean, small);
                d.Number("stdErr", arm.StdErr, small);
                d.Number("lower", arm.Lower, small);
                d.Number("upper", arm.Upper, small);
                json.Optional("difference", arm.Difference, diff =>
                {
                    json.String("reference", diff.Reference);
                    d.Number("difference", diff.Difference, small);
                    d.Number("stdErr", diff.StdErr, small);
                    d.Number("lower", diff.Lower, small);
                    d.Number("upper", diff.Upper, small);
                    d.Number("p", diff.P, small);
                });
            });
        });
        json.Optional("interaction", c.Interaction, i =>
        {
            json.Optional("test", i.Test, t => Test(json, t));
            d.Alone("eligible", i.Eligible);
            d.Count("members", CountKey.CohortN(name, i.Members));
            json.String("note", i.Note);
        });
        json.Array("within", c.Within, within =>
        {
            json.String("id", within.Id);
            json.String("name", within.Name);
            d.Count("n", CountKey.WithinN(name, within.Name, within.N));
            d.Count("events", CountKey.WithinEvents(name, within.Name, within.Events));
            json.Array("effects", within.Effects, e => Characteristic(d, name, e,
                l => CountKey.WithinLevel(name, within.Name, e.Label, l.Level, l.N),
                l => CountKey.WithinLevelEvents(name, within.Name, e.Label, l.Level, l.Events),
                CountKey.WithinMissing(name, within.Name, e.Label, e.Missing)));
        });
        Confounding(d, c);
        json.Array("notes", c.Notes, n => Note(d, name, n));
    }

    private static void Note(Writer d, string cohort, Note note)
    {
        d.Json.String("kind", note.GetType().Name);
        d.Json.String("text", NoteText.Render(cohort, note, d.Disclosure));
    }

    private static void Characteristic(Writer d, string cohort, CharacteristicResult u, Func<LevelSurvival, CountKey> levelN, Func<LevelSurvival, CountKey> levelEvents, CountKey missing)
    {
        var json = d.Json;
        json.String("id", u.Id);
        json.String("label", u.Label);
        json.String("kind", u.Kind.ToString());
        json.Bool("isExposure", u.IsExposure);
        d.Count("missing", missing);
        json.Optional("test", u.Test, t => Test(json, t));
        json.Optional("note", u.Note, n => Note(d, cohort, n));
        json.Array("levels", u.Levels, l => Level(d, l, levelN(l), levelEvents(l)));
        json.Optional("logRank", u.LogRankDetail, lr =>
        {
            var levels = u.Levels.ToDictionary(l => l.Level);
            LogRank(d, lr, g => levelN(levels[g.Level]), g => levelEvents(levels[g.Level]));
        });
        json.Array("hazardRatios", u.HazardRatios, e => Estimate(json, e));
        json.Optional("model", u.Model, model => Cox(d, model, null, null, null));
    }

    private static void Model<TX>(Writer d, string cohort, ModelResult<TX> m) where TX : notnull
    {
        var json = d.Json;
        json.String("id", m.Id);
        json.String("name", m.Name);
        json.String("ties", m.Ties.ToString());
        json.Strings("strata", m.Strata);
        d.Count("n", CountKey.ModelN(cohort, m.Id, m.N));
        d.Count("events", CountKey.ModelEvents(cohort, m.Id, m.Events));
        d.Count("dropped", CountKey.ModelDropped(cohort, m.Id, m.Dropped));
        json.Array("terms", m.Terms, t =>
        {
            json.String("id", t.Id);
            json.String("label", t.Label);
            json.String("form", t.Form.ToString());
            json.Bool("inModel", t.InModel);
            json.Number("perUnit", t.Declaration.PerUnit);
            json.Integer("splineDf", t.Declaration.SplineDf);
            if (t.Knots is { } knots) json.Numbers("knots", knots);
            else json.Writer.WriteNull("knots");
            json.Array("estimates", t.Estimates, e => Estimate(json, e));
            json.Optional("test", t.Test, test => Test(json, test));
            json.Optional("nonlinearity", t.Nonlinearity, test => Test(json, test));
            json.String("note", t.Note);
            ModelChecksJson.Term(json, t);
        });
        json.Optional("cox", m.Cox, cox => Cox(d, cox, CountKey.ModelN(cohort, m.Id, cox.N), CountKey.ModelEvents(cohort, m.Id, cox.Events), null));
        ModelChecksJson.Model(json, m, d.Disclosure);
        json.Array("notes", m.Notes, n => Note(d, cohort, n));
    }

    internal static void Test(JsonText json, TestResult t)
    {
        json.String("kind", t.Kind.ToString());
        json.Number("chiSquare", t.ChiSquare);
        json.Integer("df", t.Df);
        json.Number("p", t.P);
    }

    private static void Baseline(Writer d, BaselineTable t, string cohort, bool byExposure)
    {
        var json = d.Json;
        json.String("by", t.By);
        json.Strings("groups", t.Groups);
        Counts(d, "groupSizes", t.Groups.Select((g, i) => DisclosureBuilder.GroupKey(cohort, byExposure, g, t.GroupSizes[i])));
        d.Count("total", CountKey.CohortN(cohort, t.Total));
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
            d.Count("missing", CountKey.Missing(cohort, r.Variable, r.Missing));
            var missing = t.Groups.Select((g, i) => CountKey.BaselineMissing(cohort, r.Variable, g, r.MissingCounts[i])).ToArray();
            Counts(d, "missingCounts", missing);
            if (r.Levels is { } levels)
            {
                json.Array("levels", levels, l =>
                {
                    var cells = t.Groups.Select((g, i) => CountKey.BaselineCell(cohort, r.Variable, l.Level, g, l.Counts[i])).ToArray();
                    var overall = CountKey.Level(cohort, r.Variable, l.Level, l.Overall.Count);
                    json.String("level", l.Level);
                    Counts(d, "counts", cells);
                    json.Writer.WriteStartArray("percents");
                    for (var i = 0; i < l.Percents.Length; i++) json.Number(d.Disclosure.IsHidden(cells[i]) ? null : l.Percents[i]);
                    json.Writer.WriteEndArray();
                    d.Count("overallCount", overall);
                    d.Number("overallPercent", l.Overall.Percent, d.Disclosure.IsHidden(overall));
                });
            }
            else
            {
                json.Writer.WriteNull("levels");
            }
            if (r.Summary is { } summary) json.Array("summary", summary, g => Summary(d, g, CountKey.BaselineKnown(cohort, r.Variable, g.Group, g.N), missing.FirstOrDefault(m => m.Part == g.Group)));
            else json.Writer.WriteNull("summary");
            json.Optional("overall", r.Overall, g => Summary(d, g, CountKey.Known(cohort, r.Variable, g.N), CountKey.Missing(cohort, r.Variable, g.Missing)));
            json.Number("smd", r.Smd);
            json.Strings("notes", r.Notes);
        });
        json.Strings("warnings", t.Warnings);
    }

    /// <summary>A group's summary of a continuous characteristic; under suppression without its minimum
    /// and maximum (single patients' values), and without anything when the group is too small.</summary>
    private static void Summary(Writer d, GroupSummary g, CountKey n, CountKey missing)
    {
        var json = d.Json;
        var withheld = d.Disclosure.IsSmall(g.N) || d.Disclosure.IsHidden(n);
        json.String("group", g.Group);
        d.Count("n", n);
        d.Number("mean", g.Mean, withheld);
        d.Number("sd", g.Sd, withheld);
        d.Number("median", g.Median, withheld);
        d.Number("q1", g.Q1, withheld);
        d.Number("q3", g.Q3, withheld);
        d.Number("min", g.Min, d.Disclosure.Active);
        d.Number("max", g.Max, d.Disclosure.Active);
        if (missing.Kind is null) d.Alone("missing", g.Missing);
        else d.Count("missing", missing);
    }

    private static void Counts(Writer d, string name, IEnumerable<CountKey> values)
    {
        d.Json.Writer.WriteStartArray(name);
        foreach (var v in values)
        {
            if (d.Disclosure.IsHidden(v)) d.Json.Writer.WriteNullValue();
            else d.Json.Writer.WriteNumberValue(v.Value);
        }
        d.Json.Writer.WriteEndArray();
    }

    private static void Level(Writer d, LevelSurvival l, CountKey n, CountKey events)
    {
        var json = d.Json;
        var small = d.Disclosure.IsSmall(l.N);
        json.String("level", l.Level);
        d.Count("n", n);
        d.Number("percent", l.Percent, d.Disclosure.IsHidden(n));
        d.Count("events", events);
        d.Number("median", l.Median, small);
        d.Number("q25", l.Q25, small);
        d.Number("q75", l.Q75, small);
    }

    private static void Estimate(JsonText json, Estimate e)
    {
        json.String("term", e.Term);
        json.String("level", e.Level);
        json.Bool("isReference", e.IsReference);
        json.Number("hazardRatio", e.HazardRatio);
        json.Number("lower", e.Lower);
        json.Number("upper", e.Upper);
        json.Number("p", e.P);
        json.Bool("possiblyInfinite", e.PossiblyInfinite);
        json.String("note", e.Note);
        ModelChecksJson.Estimate(json, e);
        json.Optional("eValue", e.EValue, v => EValues(json, v));
    }

    private static void Curve(Writer d, KaplanMeierCurve curve, CountKey n, CountKey events)
    {
        var json = d.Json;
        var small = d.Disclosure.IsSmall(curve.N);
        json.String("level", curve.Level);
        d.Count("n", n);
        d.Count("events", events);
        json.Object("median", () => Quantile(json, curve.Median, small));
        json.Object("q25", () => Quantile(json, curve.Quantile(0.25), small));
        json.Object("q75", () => Quantile(json, curve.Quantile(0.75), small));
        if (d.Disclosure.Active)
        {
            // Each step is one patient's event or censoring time: no step tables under suppression.
            json.Writer.WriteNull("steps");
            return;
        }
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

    private static void Quantile(JsonText json, SurvivalQuantile q, bool withheld)
    {
        json.Number("probability", q.Probability);
        json.Number("time", withheld ? null : q.Time);
        json.Number("lower", withheld ? null : q.Lower);
        json.Number("upper", withheld ? null : q.Upper);
    }

    private static void LogRank(Writer d, LogRankResult lr, Func<LogRankGroup, CountKey> n, Func<LogRankGroup, CountKey> observed)
    {
        var json = d.Json;
        json.Number("chiSquare", lr.ChiSquare);
        json.Integer("degreesOfFreedom", lr.DegreesOfFreedom);
        json.Number("pValue", lr.PValue);
        json.Number("rho", lr.Rho);
        json.Array("groups", lr.Groups, g =>
        {
            json.String("level", g.Level);
            d.Count("n", n(g));
            // Observed events are counts when rho = 0; weighted sums otherwise, hidden with the events.
            d.Number("observed", g.Observed, d.Disclosure.IsHidden(observed(g)));
            json.Number("expected", g.Expected);
        });
        json.Strings("warnings", lr.Warnings);
    }

    private static void Cox(Writer d, CoxResult m, CountKey? n, CountKey? events, CountKey? dropped)
    {
        var json = d.Json;
        if (n is { } nKey) d.Count("n", nKey);
        else d.Alone("n", m.N);
        if (events is { } eventsKey) d.Count("events", eventsKey);
        else d.Alone("events", m.Events);
        if (dropped is { } droppedKey) d.Count("dropped", droppedKey);
        else d.Alone("dropped", m.Dropped);
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
            ModelChecksJson.NaiveStdErr(json, t);
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
        ModelChecksJson.Robust(json, m);
        // The engine's warnings repeat the structure above in words, with counts: the notes say them instead.
    }

    internal static void Global(JsonText json, CoxGlobalTest t)
    {
        json.Number("chiSquare", t.ChiSquare);
        json.Integer("degreesOfFreedom", t.DegreesOfFreedom);
        json.Number("pValue", t.PValue);
    }
}
