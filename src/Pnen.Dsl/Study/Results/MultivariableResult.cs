using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// The multivariable Cox model of a cohort: the covariates it used and why, the fitted model, and a
/// hazard ratio row per level. Index it with an exposure level for that level's adjusted effect:
/// <c>result.Multivariable[Surgery.PHR].HazardRatio</c>.
/// </summary>
public sealed class MultivariableResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _exposureCode;
    private readonly string _exposureLabel;

    internal MultivariableResult(
        CoxResult model, string exposureLabel, Func<TX, int> exposureCode, IReadOnlyList<string> covariates,
        string selection, IReadOnlyList<AdjustedEstimate> estimates, IReadOnlyList<string> notes)
    {
        Model = model;
        _exposureLabel = exposureLabel;
        _exposureCode = exposureCode;
        Covariates = covariates;
        Selection = selection;
        Estimates = estimates;
        Notes = notes;
    }

    public CoxResult Model { get; }

    /// <summary>The characteristics in the model besides the exposure, in plan order.</summary>
    public IReadOnlyList<string> Covariates { get; }

    /// <summary>How the covariates were chosen, for a footnote.</summary>
    public string Selection { get; }

    /// <summary>Every row of the adjusted table: the exposure's levels, then each covariate's.</summary>
    public IReadOnlyList<AdjustedEstimate> Estimates { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>The adjusted effect of an exposure level against the reference.</summary>
    public AdjustedEstimate this[TX level]
    {
        get
        {
            var code = _exposureCode(level);
            var rows = For(_exposureLabel);
            return code >= 0 && code < rows.Count ? rows[code] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the exposure.");
        }
    }

    /// <summary>The rows of one characteristic, in level order.</summary>
    public IReadOnlyList<AdjustedEstimate> For(string characteristic) => Estimates.Where(e => e.Characteristic == characteristic).ToArray();
}
