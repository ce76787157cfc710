using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Dsl.Execution;

/// <summary>
/// Fits one model of the plan in one cohort: the exposure and the model's terms (or, for a screened
/// model, the characteristics its screen selects here), stratified by the plan's and the model's
/// strata, on the records complete for all of them. A term that does not vary in the cohort is left
/// out with a note; interactions and splines get their likelihood-ratio tests from refits on the same
/// records without them (R's anova).
/// </summary>
internal static class ModelFit<T, TX> where TX : notnull
{
    public static ModelResult<TX> Fit(
        ModelSpec<T> spec,
        ModelDeclaration declaration,
        CohortFrame<T> frame,
        EvaluatedCharacteristic<T> exposure,
        IReadOnlyList<EvaluatedCharacteristic<T>> characteristics,
        IReadOnlyList<CharacteristicResult> univariate,
        Func<TX, int> exposureCode)
    {
        var notes = new List<Note>();
        var terms = Terms(spec, declaration, frame, exposure, characteristics, univariate);
        var strataVariables = spec.Strata.Select(s => EvaluatedCharacteristic<T>.Of(s, frame.Members)).ToArray();
        var strataLabels = frame.Strata.Concat(strataVariables).Select(s => s.Label).ToArray();

        // A term without variation here cannot be estimated: left out, and so is any interaction with it.
        var absent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms.Where(t => t.Variable is not null && t != terms[0]))
        {
            if (term.Variable!.ConstantIn(frame.All) is { } constant)
            {
                absent[term.Id] = $"not in the model: {constant.Describe()}";
                notes.Add(new LeftOutOfModel(spec.Name, term.Declaration.Label, constant));
            }
        }
        foreach (var term in terms.Where(t => t.Interaction is { } i && (absent.ContainsKey(i.FirstId) || absent.ContainsKey(i.SecondId))))
        {
            absent[term.Id] = "not in the model: one of its terms is not";
        }
        var included = terms.Where(t => !absent.ContainsKey(t.Id)).ToArray();

        var cluster = spec.Cluster is { } c ? EvaluatedCharacteristic<T>.Of(c, frame.Members) : null;
        var variables = included.Where(t => t.Variable is not null).Select(t => t.Variable!).Concat(strataVariables).Append(exposure)
            .Concat(cluster is null ? [] : [cluster]).ToArray();
        var rows = frame.StrataKnown(frame.All).Where(r => variables.All(v => !v.IsMissing(r))).ToArray();
        var patients = frame.PatientsIn(rows);
        var dropped = frame.Patients - patients;
        if (dropped > 0) notes.Add(new RecordsLeftOutOfModel(spec.Id, spec.Name, dropped, patients));

        var strata = frame.CoxStrata(rows, strataVariables);
        var design = new TermCovariates<T>(included, rows);
        var data = frame.Data(rows);
        if (cluster is not null) data = data with { Cluster = rows.Select(r => cluster.Codes![r]).ToArray() };
        var fit = CoxModel.Fit(data, design.Covariates, new CoxOptions { Ties = spec.Ties }, strata);
        var cox = fit.Result;
        var checks = ModelChecking<T>.Run(spec, fit, data, strata, included, design);
        notes.AddRange(ModelNotes(spec.Name, included, design, cox, flagInfinite: !spec.Firth));
        notes.AddRange(checks.Notes);

        var results = new List<TermResult>();
        foreach (var term in terms)
        {
            if (absent.TryGetValue(term.Id, out var why))
            {
                results.Add(Absent(term, why));
                continue;
            }
            var (test, nonlinearity) = design.Tests(term, fit);
            results.Add(new TermResult(term.Declaration, term.Variable?.Spec.LevelValues ?? [])
            {
                InModel = true,
                Estimates = checks.Estimates(term.Id, design.Estimates(term, cox)),
                Test = test,
                ProportionalHazards = checks.Test(term.Id),
                Nonlinearity = nonlinearity,
                Knots = TermCovariates<T>.Knots(term.Id, fit),
            });
        }

        return new ModelResult<TX>(declaration, exposureCode)
        {
            Cox = cox,
            N = patients,
            Rows = rows.Length,
            Events = rows.Count(r => frame.Died[r]),
            Dropped = dropped,
            Terms = results,
            Strata = strataLabels,
            Notes = notes,
            Concordance = checks.Concordance,
            ProportionalHazards = checks.ProportionalHazards,
            FirthFit = checks.Firth,
        };
    }

    /// <summary>The exposure first, then the declared terms (or the screen's choice), then the interactions.</summary>
    private static List<ModelTerm<T>> Terms(
        ModelSpec<T> spec, ModelDeclaration declaration, CohortFrame<T> frame, EvaluatedCharacteristic<T> exposure,
        IReadOnlyList<EvaluatedCharacteristic<T>> characteristics, IReadOnlyList<CharacteristicResult> univariate)
    {
        var terms = new List<ModelTerm<T>> { ModelTerm<T>.Of(declaration.Terms[0], exposure) };
        if (spec.Screen is { } screen)
        {
            foreach (var c in characteristics.Where(c => !c.IsExposure))
            {
                var row = univariate.FirstOrDefault(u => u.Id == c.Spec.Id);
                if (row is not null && screen.Selects(row.P)) terms.Add(ModelTerm<T>.Screened(c));
            }
            return terms;
        }
        foreach (var term in spec.Terms)
        {
            terms.Add(ModelTerm<T>.Of(declaration.Terms.Single(t => t.Id == term.Id), EvaluatedCharacteristic<T>.Of(term.Variable, frame.Members)));
        }
        foreach (var interaction in spec.Interactions)
        {
            terms.Add(new ModelTerm<T>(declaration.Terms.Single(t => t.Id == interaction.Id), null, interaction));
        }
        return terms;
    }

    private static TermResult Absent(ModelTerm<T> term, string why)
    {
        var v = term.Variable;
        var estimates = v is null
            ? [new Estimate(term.Id, null, false, null, null, null, null, false, why)]
            : LevelAnalysis.Absent(term.Id, v.Spec.Levels, v.Spec.Reference, term.Form != TermForm.Categorical, why);
        return new TermResult(term.Declaration, v?.Spec.LevelValues ?? []) { InModel = false, Estimates = estimates, Note = why };
    }

    /// <summary>What a reader must know about the fit, from its structure (never from its sentences).</summary>
    /// <param name="flagInfinite">False for a Firth model, whose estimates are Firth's finite ones.</param>
    private static IEnumerable<Note> ModelNotes(string model, IReadOnlyList<ModelTerm<T>> terms, TermCovariates<T> design, CoxResult cox, bool flagInfinite)
    {
        string Label(string variable) => terms.FirstOrDefault(t => design.EngineName(t.Id) == variable)?.Declaration.Label ?? variable;
        if (cox.N > 0 && cox.Events == 0) yield return new AnalysisMessage($"The model {model}", "there are no events: no hazard ratio can be estimated");
        if (cox.Events > 0 && !cox.Converged) yield return new AnalysisMessage($"The model {model}", $"the fit did not converge in {cox.Iterations} iterations");
        foreach (var d in cox.DroppedTerms.Where(_ => cox.Events > 0)) yield return new NotEstimated(model, Label(d.Variable), d.Level, d.Reason);
        foreach (var t in cox.Terms.Where(t => flagInfinite && t.PossiblyInfinite)) yield return new PossiblyInfinite(model, Label(t.Variable), t.Level);
    }
}
