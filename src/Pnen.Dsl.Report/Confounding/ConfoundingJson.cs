using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Standardization;

namespace Pnen.Dsl.Report;

// results.json: a cohort's "eValueOutcome", "weighting" and "adjustedCurves", and each estimate's "eValue".
// Under small-cell suppression an arm's weights are null where its size is hidden or small, the means behind
// the standardised differences (proportions of records) and the curves' steps (single patients' times) are null.
internal static partial class ResultsJson
{
    private static void Confounding<TX>(Writer d, CohortResult<TX> c) where TX : notnull
    {
        var json = d.Json;
        json.Object("eValueOutcome", () =>
        {
            json.Number("eventProportion", c.EValueOutcome.EventProportion);
            json.Number("time", c.EValueOutcome.Time);
            json.Bool("common", c.EValueOutcome.Common);
        });
        json.Optional("weighting", c.Weighting, w => Weighting(d, c.Name, w));
        json.Optional("adjustedCurves", c.AdjustedCurves, a => AdjustedCurves(d, c.Name, a));
    }

    private static void EValues(JsonText json, EValues e)
    {
        json.Object("rare", () =>
        {
            json.Number("point", e.Rare.Point);
            json.Number("ci", e.Rare.ConfidenceLimit);
        });
        json.Object("common", () =>
        {
            json.Number("point", e.Common.Point);
            json.Number("ci", e.Common.ConfidenceLimit);
            json.Number("rr", e.Common.RiskRatio);
        });
    }

    private static void Weighting<TX>(Writer d, string cohort, WeightingResult<TX> w) where TX : notnull
    {
        var json = d.Json;
        json.Bool("estimated", w.Estimated);
        d.Count("n", CountKey.WeightingN(cohort, w.N));
        d.Count("dropped", CountKey.WeightingDropped(cohort, w.Dropped));
        json.Optional("model", w.Model, m =>
        {
            json.String("kind", m.Kind.ToString());
            json.Bool("converged", m.Converged);
            json.Integer("iterations", m.Iterations);
            json.Number("deviance", m.Deviance);
            json.Bool("separation", m.Separation);
            json.Array("coefficients", m.Terms, t =>
            {
                json.String("level", t.Level);
                json.String("variable", t.Variable);
                json.String("termLevel", t.TermLevel);
                json.Number("coef", t.Coefficient);
                json.Number("se", t.StdErr);
                json.Bool("possiblyInfinite", t.PossiblyInfinite);
            });
            json.Array("droppedTerms", m.DroppedTerms, t =>
            {
                json.String("variable", t.Variable);
                json.String("level", t.Level);
                json.String("reason", t.Reason);
            });
        });
        json.Optional("truncation", w.Weights?.TruncationBounds is { } b ? new double[] { b.Lower, b.Upper } : null, bounds =>
        {
            json.Number("lowerQuantile", w.Declaration.TruncateLower);
            json.Number("upperQuantile", w.Declaration.TruncateUpper);
            json.Number("lower", bounds[0]);
            json.Number("upper", bounds[1]);
            json.Integer("truncated", w.Weights!.Truncated);
        });
        json.Array("arms", w.Arms, a =>
        {
            var key = CountKey.WeightingArm(cohort, a.Level, a.N);
            var hidden = d.Disclosure.IsHidden(key) || d.Disclosure.IsSmall(a.N);
            json.String("level", a.Level);
            d.Count("n", key);
            d.Number("sum", a.Sum, hidden);
            d.Number("ess", a.EffectiveSize, hidden);
            // The smallest and largest weight are single patients' (hidden under suppression, as a characteristic's range).
            d.Number("min", a.Min, hidden || d.Disclosure.Active);
            d.Number("q1", a.Q1, hidden);
            d.Number("median", a.Median, hidden);
            d.Number("q3", a.Q3, hidden);
            d.Number("max", a.Max, hidden || d.Disclosure.Active);
        });
        json.Array("balance", w.Balance, b =>
        {
            var proportions = b.Level is not null && d.Disclosure.Active;
            json.String("variable", b.Id);
            json.String("label", b.Label);
            json.String("level", b.Level);
            json.Number("smdBefore", b.Before);
            json.Number("smdAfter", b.After);
            json.Bool("imbalanced", b.Imbalanced);
            json.Array("comparisons", b.Comparisons, x =>
            {
                json.String("level", x.Level);
                d.Number("meanBefore", x.MeanBefore, proportions);
                d.Number("referenceMeanBefore", x.ReferenceMeanBefore, proportions);
                d.Number("meanAfter", x.MeanAfter, proportions);
                d.Number("referenceMeanAfter", x.ReferenceMeanAfter, proportions);
                json.Number("smdBefore", x.Before);
                json.Number("smdAfter", x.After);
            });
        });
        json.Bool("balanced", w.Balanced);
        json.Array("curves", w.Curves, curve => WeightedCurve(d, cohort, curve));
        json.Array("hazardRatios", w.HazardRatios, e => Estimate(json, e));
        json.Optional("robustScore", w.RobustScore, t => Test(json, t));
        json.Optional("cox", w.Cox, cox =>
        {
            Cox(d, cox, null, null, null);
            json.Integer("clusters", cox.Clusters ?? 0);
            json.Writer.WriteStartArray("naiveVariance");
            foreach (var v in cox.NaiveVariance ?? []) json.Number(v);
            json.Writer.WriteEndArray();
        });
        json.Array("notes", w.Notes, n => Note(d, cohort, n));
    }

    /// <summary>A weighted Kaplan-Meier curve: records and the weighted sums R reports, survival with its robust limits.</summary>
    private static void WeightedCurve(Writer d, string cohort, KaplanMeierCurve curve)
    {
        var json = d.Json;
        var small = d.Disclosure.IsSmall(curve.N);
        json.String("level", curve.Level);
        d.Count("n", CountKey.WeightingArm(cohort, curve.Level, curve.N));
        d.Number("weightedEvents", curve.WeightedEvents, small || d.Disclosure.Active);
        json.Object("median", () => Quantile(json, curve.Median, small));
        if (d.Disclosure.Active)
        {
            json.Writer.WriteNull("steps");
            return;
        }
        json.Array("steps", curve.Steps, s =>
        {
            json.Number("time", s.Time);
            json.Integer("atRisk", s.AtRisk);
            json.Number("weightedAtRisk", s.WeightedAtRisk);
            json.Number("weightedEvents", s.WeightedEvents);
            json.Number("survival", s.Survival);
            json.Number("stdErr", s.StdErr);
            json.Number("lower", s.Lower);
            json.Number("upper", s.Upper);
        });
    }

    private static void AdjustedCurves<TX>(Writer d, string cohort, AdjustedCurvesResult<TX> a) where TX : notnull
    {
        var json = d.Json;
        json.Bool("estimated", a.Estimated);
        json.Strings("covariates", a.Covariates);
        d.Count("n", CountKey.CurvesN(cohort, a.N));
        d.Count("dropped", CountKey.CurvesDropped(cohort, a.Dropped));
        json.Integer("replicates", a.Replicates);
        json.Integer("failures", a.Failures);
        json.Array("levels", a.Levels, level =>
        {
            json.String("level", level.Level);
            json.Bool("isReference", level.IsReference);
            json.Optional("curve", level.Curve, curve =>
            {
                json.Writer.WriteStartArray("survivalAt");
                foreach (var s in curve.AtTimes) json.Number(s);
                json.Writer.WriteEndArray();
                json.Number("rmst", curve.Rmst);
                if (d.Disclosure.Active)
                {
                    json.Writer.WriteNull("time");
                    json.Writer.WriteNull("survival");
                    return;
                }
                json.Numbers("time", curve.Time);
                json.Numbers("survival", curve.Survival);
            });
            json.Optional("difference", level.Difference, difference =>
            {
                json.String("level", difference.Level);
                json.Array("survival", difference.Survival, e => Effect(json, e));
                json.Optional("rmst", difference.Rmst, e => Effect(json, e));
            });
        });
        json.Optional("model", a.Model, model => Cox(d, model, null, null, null));
        json.Array("notes", a.Notes, n => Note(d, cohort, n));
    }

    private static void Effect(JsonText json, AdjustedEffect e)
    {
        json.Number("time", e.Time);
        json.Number("estimate", e.Estimate);
        json.Number("stdErr", e.StdErr);
        json.Number("lower", e.Lower);
        json.Number("upper", e.Upper);
    }
}

internal static partial class PlanJson
{
    private static void Confounding(JsonText json, PlanDeclaration plan)
    {
        json.Optional("weighting", plan.Weighting, w =>
        {
            json.String("estimand", w.Estimand.ToString());
            json.String("focal", w.Focal);
            json.Bool("stabilized", w.Stabilized);
            json.Number("truncateLower", w.TruncateLower);
            json.Number("truncateUpper", w.TruncateUpper);
            json.Array("covariates", w.Covariates, v => Variable(json, v));
        });
        json.Optional("adjustedCurves", plan.AdjustedCurves, c =>
        {
            json.String("model", c.ModelId);
            json.Array("covariates", c.Covariates, v => Variable(json, v));
            json.String("ties", c.Ties.ToString());
            json.Numbers("times", c.Times);
            json.Number("tau", c.Tau);
            json.Integer("bootstrap", c.Bootstrap);
            if (c.Seed is { } seed) json.Integer("seed", seed);
            else json.Writer.WriteNull("seed");
        });
    }
}
