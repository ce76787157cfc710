using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The Cox covariates of a model's terms over its analysed rows, each named by its term's id: a
/// categorical variable with treatment contrasts, a number divided by its units, a spline's basis, an
/// interaction's product terms; and the same design without a term, or with a spline made linear,
/// for the likelihood-ratio tests.
/// </summary>
internal sealed class TermCovariates<T>
{
    private readonly IReadOnlyList<ModelTerm<T>> _terms;
    private readonly int[] _rows;
    private readonly Dictionary<string, CoxCovariate> _covariates = new(StringComparer.Ordinal);

    public TermCovariates(IReadOnlyList<ModelTerm<T>> terms, int[] rows)
    {
        _terms = terms;
        _rows = rows;
        foreach (var term in terms) _covariates[term.Id] = Build(term);
    }

    public IReadOnlyList<CoxCovariate> All() => _terms.Select(t => _covariates[t.Id]).ToArray();

    public IReadOnlyList<CoxCovariate> Without(string id) => _terms.Where(t => t.Id != id).Select(t => _covariates[t.Id]).ToArray();

    /// <summary>The design with the spline <paramref name="id"/> entered linearly instead.</summary>
    public IReadOnlyList<CoxCovariate> Linear(string id) =>
        _terms.Select(t => t.Id == id ? t.Variable!.ToCovariate(_rows) : _covariates[t.Id]).ToArray();

    public IReadOnlyList<double>? Knots(string id) => null;

    /// <summary>The term's rows as the fitted model estimates them.</summary>
    public IReadOnlyList<Estimate> Estimates(ModelTerm<T> term, CoxResult cox)
    {
        var v = term.Variable;
        return term.Form switch
        {
            TermForm.Categorical => LevelAnalysis.Estimates(term.Id, v!.Spec.Levels, v.Spec.Reference, false, cox),
            TermForm.Linear => LevelAnalysis.Estimates(term.Id, [], 0, true, cox),
            _ => cox.Terms.Where(t => t.Variable == term.Id).Select(t => LevelAnalysis.Estimate(term.Id, t.Level, cox))
                .Concat(cox.DroppedTerms.Where(d => d.Variable == term.Id).Select(d => LevelAnalysis.Estimate(term.Id, d.Level, cox))).ToArray(),
        };
    }

    private CoxCovariate Build(ModelTerm<T> term) => term.Form switch
    {
        TermForm.Categorical => term.Variable!.ToCovariate(_rows),
        TermForm.Linear => term.Variable!.ToCovariate(_rows, term.Declaration.PerUnit),
        _ => throw new NotSupportedException($"{term.Form} terms are not supported yet"),
    };
}
