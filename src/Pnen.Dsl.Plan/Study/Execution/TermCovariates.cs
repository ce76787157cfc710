using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Dsl.Execution;

/// <summary>
/// A model's terms as the engine's covariates over its analysed rows, each named by its term's id: a
/// categorical variable with treatment contrasts, a number per its units, a spline as R's ns, an
/// interaction as R's a:b of its two terms; fitted as one <see cref="CoxModel"/>, whose refits on the
/// same rows give the likelihood-ratio tests of interactions and splines (R's anova).
/// </summary>
internal sealed class TermCovariates<T>
{
    private readonly Dictionary<string, CoxCovariate> _covariates = new(StringComparer.Ordinal);

    public TermCovariates(IReadOnlyList<ModelTerm<T>> terms, int[] rows)
    {
        foreach (var term in terms) _covariates[term.Id] = Build(term, rows);
        Covariates = terms.Select(t => _covariates[t.Id]).ToArray();
    }

    public IReadOnlyList<CoxCovariate> Covariates { get; }

    /// <summary>The engine's name of a term's columns (an interaction's is "a:b" of its terms' ids).</summary>
    public string EngineName(string id) => _covariates[id].Name;

    /// <summary>The likelihood-ratio tests of a spline or interaction term: all its columns against none,
    /// and a spline's non-linearity (null for other terms).</summary>
    public (TestResult? Test, TestResult? Nonlinearity) Tests(ModelTerm<T> term, CoxModel model)
    {
        if (term.Form is not (TermForm.Interaction or TermForm.Spline) || model.Result.Events == 0) return (null, null);
        var test = Summary(model.TestWithout(EngineName(term.Id)));
        var nonlinearity = term.Form == TermForm.Spline ? Summary(model.TestNonlinearity(EngineName(term.Id))) : null;
        return (test, nonlinearity);
    }

    /// <summary>A spline's interior and boundary knots, as placed on the analysed values.</summary>
    public static IReadOnlyList<double>? Knots(string id, CoxModel model) =>
        model.Covariates.OfType<SplineCovariate>().FirstOrDefault(s => s.Name == id)?.Basis is { } basis
            ? [basis.LowerBoundary, .. basis.InteriorKnots, basis.UpperBoundary]
            : null;

    /// <summary>The term's rows as the fitted model estimates them.</summary>
    public IReadOnlyList<Estimate> Estimates(ModelTerm<T> term, CoxResult cox)
    {
        var v = term.Variable;
        var name = EngineName(term.Id);
        return term.Form switch
        {
            TermForm.Categorical => LevelAnalysis.Estimates(term.Id, v!.Spec.Levels, v.Spec.Reference, false, cox),
            TermForm.Linear => LevelAnalysis.Estimates(term.Id, [], 0, true, cox),
            _ => cox.Terms.Where(t => t.Variable == name).Select(t => t.Level)
                .Concat(cox.DroppedTerms.Where(d => d.Variable == name).Select(d => d.Level))
                .Select(level => LevelAnalysis.Estimate(term.Id, level, cox, name)).ToArray(),
        };
    }

    private static TestResult Summary(CoxLikelihoodRatioTest test) => new(TestKind.LikelihoodRatio, test.ChiSquare, test.DegreesOfFreedom, test.PValue);

    private CoxCovariate Build(ModelTerm<T> term, int[] rows) => term.Form switch
    {
        TermForm.Categorical => term.Variable!.ToCovariate(rows),
        TermForm.Linear when term.Declaration.PerUnit != 1 => new PerUnitCovariate(term.Id, term.Variable!.ValuesAt(rows), term.Declaration.PerUnit),
        TermForm.Linear => term.Variable!.ToCovariate(rows),
        TermForm.Spline => new SplineCovariate(term.Id, term.Variable!.ValuesAt(rows), term.Declaration.SplineDf),
        _ => new InteractionCovariate(_covariates[term.Interaction!.FirstId], _covariates[term.Interaction.SecondId]),
    };
}
