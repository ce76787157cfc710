using Pnen.Stats.Survival.Concordance;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The concordance of a fitted Cox model, as <c>summary(coxph)$concordance</c> of R survival 3.x:
/// Harrell's C of the linear predictor (a higher risk score should die sooner), within strata, on
/// the fit's analysed rows with their fixed times, with the infinitesimal-jackknife standard error
/// (<c>concordancefit(y, lp, strata, reverse = TRUE, timefix = FALSE)</c>).
/// </summary>
public static partial class CoxConcordance
{
    /// <summary>The concordance of a fit. Pass the data, options and strata it was fitted with;
    /// the analysed rows are rebuilt from them.</summary>
    public static ConcordanceResult Of(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        CoxResult fit,
        CoxOptions? options = null,
        CoxStrata? strata = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= CoxOptions.Default;
        var rows = CoxFittedRows.Build(time, status, covariates, strata, options.TimeFix, fit.Terms.Select(t => (t.Variable, t.Level, t.Coefficient)));
        return Of(rows);
    }

    /// <summary>The concordance of Firth's penalised fit: its linear predictor on its analysed rows.</summary>
    public static ConcordanceResult Of(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        Firth.FirthCoxResult fit,
        bool timeFix = true)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var rows = CoxFittedRows.Build(time, status, covariates, null, timeFix, fit.Terms.Select(t => (t.Variable, t.Level, t.Coefficient)));
        return Of(rows);
    }

    /// <summary>The concordance of a fitted model, read from its fit: the rows as the fit sorted them
    /// and the linear predictor of its coefficients, with no second sort or model matrix. Equal to
    /// <see cref="Of(ReadOnlySpan{double}, ReadOnlySpan{bool}, IReadOnlyList{CoxCovariate}, CoxResult, CoxOptions?, CoxStrata?)"/>
    /// on the data the model was fitted to.</summary>
    /// <exception cref="ArgumentException">The model has no coefficient, or was fitted with entry
    /// times, case weights or a robust variance (its fit keeps no predictor for the concordance).</exception>
    public static ConcordanceResult Of(Terms.CoxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = model.Result.Terms.Count == 0 ? null : model.Predictor;
        if (rows is null)
        {
            throw new ArgumentException("the concordance is read from a fit with at least one coefficient on right-censored rows without case weights or a robust variance", nameof(model));
        }
        return ConcordanceCounter.Compute(rows.Time, rows.Status, rows.LinearPredictor, UnitWeights(rows.Time.Length), rows.StratumStart, reverse: true);
    }

    private static double[] UnitWeights(int n)
    {
        var weights = new double[n];
        Array.Fill(weights, 1.0);
        return weights;
    }

    internal static ConcordanceResult Of(CoxFittedRows rows) =>
        ConcordanceCounter.Compute(rows.Time, rows.Status, rows.LinearPredictor, UnitWeights(rows.Rows), rows.StratumStart, reverse: true);
}
