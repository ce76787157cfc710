using Pnen.Stats.Regression;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Weighting;

namespace Pnen.Dsl;

/// <summary>
/// The propensity-score weighted analysis of one cohort: the propensity model of the exposure on the
/// plan's covariates (logistic for two levels as R's glm, multinomial for more as nnet's multinom; complete
/// cases), the inverse probability of treatment weights (their distribution and Kish's effective sample
/// size per arm), the balance of every covariate and level before and after weighting, Kaplan-Meier curves
/// with the weights, and the Cox model of the exposure with the weights and the robust sandwich variance
/// (R's <c>coxph(Surv ~ exposure, weights = w, robust = TRUE)</c>), stratified as the plan is. A weighted
/// log-rank test is not what R's survdiff computes (it takes no weights); its place is taken by the robust
/// score test of the weighted Cox model (<see cref="RobustScore"/>). When the weighting cannot be done
/// here (a single exposure level, no complete record) <see cref="Estimated"/> is false and the notes say why;
/// the balance rows are still there, without numbers.
/// </summary>
public sealed class WeightingResult<TX> where TX : notnull
{
    /// <summary>Austin's threshold of a negligible standardised difference.</summary>
    public const double BalanceThreshold = 0.1;

    private readonly Func<TX, int> _code;

    internal WeightingResult(WeightingDeclaration declaration, IReadOnlyList<string> levels, int reference, Func<TX, int> code)
    {
        Declaration = declaration;
        Levels = levels;
        Reference = reference;
        _code = code;
    }

    public WeightingDeclaration Declaration { get; }

    /// <summary>The exposure's levels, in order.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>The reference level's index.</summary>
    public int Reference { get; }

    public required bool Estimated { get; init; }

    /// <summary>Records analysed (complete in the exposure and every covariate) and records left out.</summary>
    public required int N { get; init; }

    public required int Dropped { get; init; }

    /// <summary>The propensity model (null when it could not be fitted).</summary>
    public LogitFit? Model { get; init; }

    /// <summary>The weights, as the engine made them (every analysed record's, in the order of the model's rows).</summary>
    public Stats.Weighting.WeightingResult? Weights { get; init; }

    /// <summary>One entry per exposure level, in level order: its records, the sum, Kish's effective sample size and
    /// the five-number summary of its weights (a level without records has N = 0 and no numbers).</summary>
    public IReadOnlyList<ArmWeights> Arms { get; init; } = [];

    /// <summary>One row per number and per level of a categorical covariate, in the plan's order.</summary>
    public required IReadOnlyList<CovariateBalance<TX>> Balance { get; init; }

    /// <summary>Kaplan-Meier curves with the weights, one per exposure level in level order (the numbers at risk
    /// are records; survival, its robust standard error and limits are weighted, as R's survfit(weights =)).</summary>
    public IReadOnlyList<KaplanMeierCurve> Curves { get; init; } = [];

    /// <summary>The weighted Cox model of the exposure with its robust variance (null when not fitted).</summary>
    public CoxResult? Cox { get; init; }

    /// <summary>The weighted hazard ratio of each exposure level against the reference (robust 95% CI and Wald P), in level order.</summary>
    public IReadOnlyList<Estimate> HazardRatios { get; init; } = [];

    /// <summary>The robust score test of the weighted Cox model (coxph's rscore): the weighted comparison of the curves.</summary>
    public TestResult? RobustScore { get; init; }

    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>Whether every standardised difference after weighting is within ±0.1.</summary>
    public bool Balanced => Estimated && Balance.All(b => !b.Imbalanced);

    /// <summary>The weighted hazard ratio of an exposure level against the reference.</summary>
    public Estimate this[TX level]
    {
        get
        {
            var code = _code(level);
            return code >= 0 && code < HazardRatios.Count ? HazardRatios[code] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the exposure.");
        }
    }

    // The lookups of generated code, by the plan's stable ids.

    public CovariateBalance<TX> Numeric(string id) => Rows(id).Single();

    public CategoricalBalance<TLevel, TX> Categorical<TLevel>(string id) where TLevel : notnull
    {
        var rows = Rows(id);
        return new CategoricalBalance<TLevel, TX>(rows, Values(id));
    }

    public CutBalance<TX> Cut(string id)
    {
        var rows = Rows(id);
        return new CutBalance<TX>(rows[0], rows[1]);
    }

    internal IReadOnlyList<IReadOnlyList<object>> CovariateValues { get; init; } = [];

    private IReadOnlyList<object> Values(string id) => CovariateValues[Declaration.Covariates.ToList().FindIndex(c => c.Id == id)];

    private IReadOnlyList<CovariateBalance<TX>> Rows(string id)
    {
        var rows = Balance.Where(b => b.Id == id).ToArray();
        return rows.Length > 0 ? rows : throw new InvalidOperationException($"The weighting has no covariate with id '{id}': the generated code and the plan disagree, which is a bug in Pnen.");
    }
}
