using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Firth;

namespace Pnen.Dsl.Execution;

/// <summary>
/// Firth's penalised estimates in a plan's rows: a Firth model's rows are Firth's own (hazard ratio,
/// profile penalised likelihood limits, penalised likelihood-ratio P), and an ordinary model with a
/// coefficient flagged as possibly infinite gets the refit of its terms by Firth's method, whose estimate
/// sits beside each flagged row (<see cref="Estimate.Firth"/>), as <c>pnen cox</c> does. Firth's method is
/// coxphf 1.13's: Breslow ties and no strata, so a stratified model gets a note instead of a refit.
/// </summary>
internal static class FirthEstimates
{
    /// <summary>Firth's fit of the same columns (knots as fitted), as coxphf with its default options.</summary>
    public static FirthCoxResult Fit(double[] time, bool[] died, IReadOnlyList<CoxCovariate> covariates) =>
        FirthCoxRegression.Fit(time, died, covariates, FirthOptions.Default);

    /// <summary>The refit beside possibly infinite coefficients of <paramref name="cox"/>: null when none is
    /// flagged; with a note instead when the model is stratified or its rows are (start, stop] intervals.</summary>
    public static (FirthCoxResult? Fit, Note? Note) Fallback(string model, SurvivalData data, IReadOnlyList<CoxCovariate> covariates, CoxResult cox, CoxStrata? strata)
    {
        if (!cox.Terms.Any(t => t.PossiblyInfinite)) return (null, null);
        if (strata is not null) return (null, new FirthNotApplicable(model, $"the analysis is stratified by {strata.Name}, and Firth's method (as coxphf) has no strata"));
        if (data.Start is not null) return (null, new FirthNotApplicable(model, "its rows are (start, stop] intervals, and Firth's method (as coxphf) takes right-censored rows"));
        return (Fit(data.Time, data.Status, covariates), null);
    }

    /// <summary>The rows with Firth's estimate beside each possibly infinite one.</summary>
    public static IReadOnlyList<Estimate> Beside(IReadOnlyList<Estimate> rows, string variable, FirthCoxResult? fit) =>
        fit is null ? rows : rows.Select(e => e.PossiblyInfinite && fit.Term(variable, e.Level) is { } t ? e with { Firth = Of(t) } : e).ToArray();

    /// <summary>A Firth model's rows: each estimated row replaced by Firth's estimate of it.</summary>
    public static IReadOnlyList<Estimate> Replace(IReadOnlyList<Estimate> rows, string variable, FirthCoxResult fit) => rows.Select(e =>
    {
        if (e.IsReference) return e;
        if (fit.Term(variable, e.Level) is not { } t)
        {
            var dropped = fit.DroppedTerms.FirstOrDefault(d => d.Variable == variable && d.Level == e.Level);
            return new Estimate(e.Term, e.Level, false, null, null, null, null, false, dropped?.Reason ?? "not estimated");
        }
        var note = t.Lower is null || t.Upper is null ? "a profile penalised likelihood limit did not converge" : t.PValue is null ? "the penalised likelihood-ratio test did not converge" : null;
        return new Estimate(e.Term, e.Level, false, Finite(t.HazardRatio), Finite(t.Lower), Finite(t.Upper), t.PValue, false, note);
    }).ToArray();

    private static FirthEstimate Of(FirthTerm t) => new(t.Coefficient, t.HazardRatio, Finite(t.Lower), Finite(t.Upper), t.ChiSquare, t.PValue);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
