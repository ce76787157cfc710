using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Firth;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Survival.Cox.Zph;

namespace Pnen.Dsl.Execution;

/// <summary>
/// What a fitted model of the plan is checked with, in every cohort: the proportional hazards test of
/// R's <c>cox.zph</c> (Kaplan-Meier transform, terms grouped as cox.zph groups them, the model's strata)
/// with the data of its residual plots, Harrell's concordance as <c>summary(coxph)</c> gives it, and
/// Firth's penalised fit: the model's own for a <c>.Firth()</c> model, else the refit beside
/// coefficients flagged as possibly infinite.
/// </summary>
internal sealed class ModelChecking<T>
{
    private readonly Dictionary<string, string> _engineNames;
    private readonly bool _firthModel;

    private ModelChecking(Dictionary<string, string> engineNames, bool firthModel)
    {
        _engineNames = engineNames;
        _firthModel = firthModel;
    }

    public ModelConcordance? Concordance { get; private init; }

    public ProportionalHazardsResult? ProportionalHazards { get; private init; }

    public FirthCoxResult? Firth { get; private init; }

    public IReadOnlyList<Note> Notes { get; private init; } = [];

    /// <param name="data">The analysed rows (with their clusters), as the model was fitted on them.</param>
    public static ModelChecking<T> Run(ModelSpec<T> spec, CoxModel fit, SurvivalData data, CoxStrata? strata, IReadOnlyList<ModelTerm<T>> terms, TermCovariates<T> design)
    {
        var names = terms.ToDictionary(t => t.Id, t => design.EngineName(t.Id), StringComparer.Ordinal);
        var cox = fit.Result;
        var notes = new List<Note>();
        if (cox.Terms.Count == 0 || cox.Events == 0) return new ModelChecking<T>(names, spec.Firth);
        if (data.Start is not null)
        {
            // cox.zph, the concordance and coxphf are computed here for right-censored rows only.
            var why = spec.Firth
                ? "its rows are (start, stop] intervals (a time-dependent exposure), which Firth's method (as coxphf) does not take: the ordinary fit (Breslow ties), with no proportional hazards test or concordance"
                : "its rows are (start, stop] intervals (a time-dependent exposure): no proportional hazards test, concordance or Firth estimate";
            return new ModelChecking<T>(names, spec.Firth) { Notes = [new AnalysisMessage($"The model {spec.Name}", why)] };
        }

        FirthCoxResult? firth;
        if (spec.Firth)
        {
            firth = FirthEstimates.Fit(data.Time, data.Status, fit.Covariates);
            if (!firth.Converged) notes.Add(new AnalysisMessage($"The model {spec.Name}", "Firth's penalised fit did not converge"));
        }
        else
        {
            (firth, var note) = FirthEstimates.Fallback(spec.Name, data, fit.Covariates, cox, strata);
            if (note is not null) notes.Add(note);
        }

        var concordance = !spec.Firth ? CoxConcordance.Of(data, fit.Covariates, cox, fit.Options, strata)
            : firth!.Terms.Count > 0 ? CoxConcordance.Of(data.Time, data.Status, fit.Covariates, firth) : null;

        var zph = CoxZph.Test(data.Time, data.Status, fit.Covariates, cox, ZphTransform.KaplanMeier, fit.Options, strata);
        if (zph.Global is null)
        {
            notes.Add(new AnalysisMessage($"The proportional hazards test of the model {spec.Name}", zph.Warnings.FirstOrDefault() ?? "not defined for these data"));
        }
        var byEngineName = names.GroupBy(n => n.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        var panels = new List<ProportionalHazardsTerm>();
        for (var k = 0; k < zph.Terms.Count; k++)
        {
            var test = zph.Terms[k];
            var id = byEngineName.GetValueOrDefault(test.Variable, test.Variable);
            var label = terms.FirstOrDefault(t => t.Id == id)?.Declaration.Label ?? id;
            var columns = cox.Terms.Where(t => t.Variable == test.Variable).ToArray();
            var panel = zph.Panels[k];
            panels.Add(new ProportionalHazardsTerm(id, label, new TestResult(TestKind.ProportionalHazards, test.ChiSquare, test.DegreesOfFreedom, test.PValue),
                columns.Length == 1 ? columns[0].Coefficient : 1, panel.Residuals, panel.Smooth));
        }

        return new ModelChecking<T>(names, spec.Firth)
        {
            Concordance = concordance is null ? null : new ModelConcordance(concordance.C, concordance.StdErr),
            ProportionalHazards = new ProportionalHazardsResult(zph, panels, ofOrdinaryFit: spec.Firth),
            Firth = firth,
            Notes = notes,
        };
    }

    /// <summary>A term's rows: Firth's for a Firth model, else the fit's with Firth's beside the flagged ones.</summary>
    public IReadOnlyList<Estimate> Estimates(string id, IReadOnlyList<Estimate> ordinary)
    {
        if (Firth is null) return ordinary;
        var name = _engineNames[id];
        return _firthModel ? FirthEstimates.Replace(ordinary, name, Firth) : FirthEstimates.Beside(ordinary, name, Firth);
    }

    /// <summary>The term's proportional hazards test, or null.</summary>
    public TestResult? Test(string id) => ProportionalHazards?.Term(id)?.Test;
}
