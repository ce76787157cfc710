using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// A Cox model of the plan fitted in one cohort: its terms (the exposure first) with their hazard-ratio
/// rows and tests, the records and events it analysed, and its notes. Index it with an exposure level
/// for that level's effect: <c>model[Surgery.PHR].HazardRatio</c>. A screened model's terms are the
/// characteristics its screen selected in this cohort.
/// </summary>
public sealed class ModelResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _exposureCode;

    internal ModelResult(ModelDeclaration declaration, Func<TX, int> exposureCode)
    {
        Declaration = declaration;
        _exposureCode = exposureCode;
    }

    public ModelDeclaration Declaration { get; }

    public string Id => Declaration.Id;

    public string Name => Declaration.Name;

    public CoxTies Ties => Declaration.Ties;

    /// <summary>The fitted model (null when nothing could be fitted: no records or no events).</summary>
    public required CoxResult? Cox { get; init; }

    /// <summary>Patients and events analysed (complete cases), and patients left out for a missing value.</summary>
    public required int N { get; init; }

    /// <summary>Rows analysed: <see cref="N"/>, or more with a time-dependent exposure (a patient's intervals).</summary>
    public required int Rows { get; init; }

    public required int Events { get; init; }

    public required int Dropped { get; init; }

    /// <summary>The terms in order: the exposure, the adjusted terms, the interactions.</summary>
    public required IReadOnlyList<TermResult> Terms { get; init; }

    /// <summary>The strata the model used (the plan's and the model's own), by label.</summary>
    public required IReadOnlyList<string> Strata { get; init; }

    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>Harrell's C of the model with its standard error (null without a coefficient).</summary>
    public ModelConcordance? Concordance { get; init; }

    /// <summary>The proportional hazards tests and residual plots (cox.zph); null when the model has no coefficient.</summary>
    public ProportionalHazardsResult? ProportionalHazards { get; init; }

    /// <summary>Firth's penalised fit: the model's own when it is declared with <c>.Firth()</c> (then
    /// <see cref="Cox"/> is the ordinary fit of the same terms, which the proportional hazards test uses),
    /// or the refit whose estimates sit beside possibly infinite coefficients (<see cref="Estimate.Firth"/>); else null.</summary>
    public Stats.Survival.Cox.Firth.FirthCoxResult? FirthFit { get; init; }

    /// <summary>Whether the estimates are Firth's: a <c>.Firth()</c> model fitted on right-censored rows (the
    /// immortal-time check's (start, stop] refit of such a model is the ordinary fit, with a note).</summary>
    public bool IsFirth => Declaration.Firth && FirthFit is not null;

    public TermResult Exposure => Terms[0];

    /// <summary>Every row of every term, in order.</summary>
    public IEnumerable<Estimate> Estimates => Terms.SelectMany(t => t.Estimates);

    /// <summary>The effect of an exposure level against the reference.</summary>
    public Estimate this[TX level]
    {
        get
        {
            var code = _exposureCode(level);
            var rows = Exposure.Estimates;
            return code >= 0 && code < rows.Count ? rows[code] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the exposure.");
        }
    }

    // The typed accessors of generated code: ids are the plan's stable ids (Pnen.Shared.PlanNames), the
    // generated property names, never labels.

    public NumericTerm Numeric(string id) => new(Term(id));

    public CategoricalTerm<TLevel> Categorical<TLevel>(string id) where TLevel : notnull => new(Term(id));

    public CutTerm Cut(string id) => new(Term(id));

    public SplineTerm Spline(string id) => new(Term(id));

    public InteractionTerm Interaction(string id) => new(Term(id));

    private TermResult Term(string id) => Terms.FirstOrDefault(t => t.Id == id)
        ?? throw new InvalidOperationException($"The model {Name} has no term with id '{id}': the generated code and the plan disagree, which is a bug in Pnen.");
}
