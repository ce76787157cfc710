using Pnen.Stats.Distributions;
using Pnen.Stats.LinearAlgebra;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// The proportional hazards test of R survival 3.x's <c>cox.zph</c>: for each term, the score test
/// of adding g(t)·x to the fitted model, with the full information matrix of the extended model
/// (not the pre-3.0 approximation that used the fit's variance and an average of g); a categorical
/// covariate's indicators are tested together, and a global test adds all of them at once.
/// Efron or Breslow as the fit, strata as the fit. Also gives what <c>plot.cox.zph</c> draws.
/// </summary>
public static class CoxZph
{
    /// <summary>
    /// Tests a fitted model. Pass the data, options and strata the model was fitted with: the
    /// analysed rows are rebuilt from them (complete cases, time fix), and the fit's terms must be
    /// among their columns. Coefficients the fit left out (constant, collinear) are left out here.
    /// </summary>
    public static CoxZphResult Test(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        CoxResult fit,
        ZphTransform transform = ZphTransform.KaplanMeier,
        CoxOptions? options = null,
        CoxStrata? strata = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= CoxOptions.Default;
        var rows = CoxFittedRows.Build(time, status, covariates, strata, options.TimeFix, fit.Terms.Select(t => (t.Variable, t.Level, t.Coefficient)));
        return Test(rows, fit, transform, options);
    }

    /// <summary>
    /// Tests a fitted model on its own analysed rows: those it kept when fitted with
    /// <c>keepRowsForZph</c> (no second sort and fill of the data), else rebuilt from its data.
    /// The same result as the overload taking the data the model was fitted with; without
    /// <paramref name="withPanels"/> the tests and warnings alone (each panel's residuals empty,
    /// its smooth null, no time axis), for a caller that draws nothing: the residuals and smooths
    /// are most of the work at registry scale.
    /// </summary>
    public static CoxZphResult Test(CoxModel model, ZphTransform transform = ZphTransform.KaplanMeier, bool withPanels = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Test(model.Rows(), model.Result, transform, model.Options, withPanels);
    }

    private static CoxZphResult Test(CoxFittedRows rows, CoxResult fit, ZphTransform transform, CoxOptions options, bool withPanels = true)
    {
        var warnings = new List<string>();
        var terms = rows.Terms();
        if (rows.Columns == 0 || fit.Events == 0)
        {
            warnings.Add("the model has no estimated coefficient to test");
            return Empty(transform, terms, warnings);
        }
        foreach (var term in fit.Terms.Where(t => t.PossiblyInfinite))
        {
            warnings.Add($"{CoxDesign.Label(term.Variable, term.Level)}: the coefficient may be infinite, so the test of its term is taken where the iterations stopped");
        }

        var rawG = ZphTimeScale.Apply(transform, rows.Time, rows.Status);
        if (rawG is null)
        {
            warnings.Add("the log transform needs event times above 0, and an event happens at time 0: use km, rank or identity");
            return Empty(transform, terms, warnings);
        }
        var eventMean = 0.0;
        var events = 0;
        for (var r = 0; r < rows.Rows; r++)
        {
            if (!rows.Status[r]) continue;
            eventMean += rawG[r];
            events++;
        }
        eventMean /= events;
        var g = rawG.Select(v => v - eventMean).ToArray();

        // The smooth's basis and its factorisation need only the events' g(t), in sorted order
        // (as the pass lists them): they are made on the second core while the pass walks on one.
        var eventG = new double[events];
        for (int r = 0, e = 0; r < rows.Rows; r++)
        {
            if (rows.Status[r]) eventG[e++] = rawG[r];
        }
        ZphScorePass pass = null!;
        ZphSmoother smoother = null!;
        Parallel.Invoke(
            () => pass = ZphScorePass.Run(rows, g, rawG, options.Ties == CoxTies.Efron),
            () => (smoother = new ZphSmoother(eventG)).Prepare());
        var tests = new List<ZphTermTest>();
        foreach (var (variable, columns) in terms)
        {
            var (chisq, p) = ScoreTest(pass, columns);
            tests.Add(new ZphTermTest(variable, chisq, columns.Length, p));
        }
        var (globalChisq, globalP) = ScoreTest(pass, Enumerable.Range(0, rows.Columns).ToArray());
        if (globalChisq is null)
        {
            warnings.Add(pass.EventTime.Distinct().Count() < 2
                ? "all events happen at one time, so nothing can change over time: no test"
                : "the information matrix of the test is singular: no test");
        }

        var (residuals, variance) = ZphScaledResiduals.Compute(pass, rows, terms, withPanels);
        var variances = Enumerable.Range(0, terms.Count).Select(k => variance?[k * terms.Count + k] ?? double.NaN).ToArray();
        var panels = new List<ZphPanel>();
        bool[] smoothed;
        if (withPanels)
        {
            // The panels' smooths are independent least-squares fits on a shared basis.
            var smooths = smoother.Fit(residuals, variances);
            for (var k = 0; k < terms.Count; k++) panels.Add(new ZphPanel(terms[k].Variable, residuals[k], smooths[k]));
            smoothed = smooths.Select(m => m is not null).ToArray();
        }
        else
        {
            // No panels, but the same warning: whether each smooth could be made.
            for (var k = 0; k < terms.Count; k++) panels.Add(new ZphPanel(terms[k].Variable, [], null));
            smoothed = Enumerable.Range(0, terms.Count).Select(k => smoother.CanFit(residuals[k], variances[k])).ToArray();
        }
        if (smoothed.Contains(false))
        {
            warnings.Add($"too few distinct event times for the smooth of {string.Join(", ", terms.Where((_, k) => !smoothed[k]).Select(t => t.Variable))} (a natural spline with 4 degrees of freedom)");
        }
        return new CoxZphResult(transform, tests, new ZphTest(globalChisq, rows.Columns, globalP), pass.EventTime, pass.EventG, panels, warnings)
        {
            TimeAxis = withPanels ? ZphTimeAxis.Ticks(transform, pass.EventG, pass.EventTime) : [],
        };
    }

    /// <summary>u' I⁻¹ u with u = (0, U₂[J]) and I the information of the fit's p columns and the
    /// g(t)·x columns J: the fit's own score is taken as zero, as at convergence.</summary>
    private static (double? ChiSquare, double? P) ScoreTest(ZphScorePass pass, int[] columns)
    {
        var p = pass.Columns;
        var q = 2 * p;
        var size = p + columns.Length;
        var index = Enumerable.Range(0, p).Concat(columns.Select(c => p + c)).ToArray();
        var m = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            for (var j = 0; j < size; j++) m[i * size + j] = pass.Information[index[i] * q + index[j]];
        }
        var u = new double[size];
        for (var j = 0; j < columns.Length; j++) u[p + j] = pass.U[p + columns[j]];
        if (SymmetricSystem.QuadraticForm(m, size, u) is not { } chisq) return (null, null);
        return (chisq, ChiSquared.UpperTail(chisq, columns.Length));
    }

    private static CoxZphResult Empty(ZphTransform transform, List<(string Variable, int[] Columns)> terms, List<string> warnings) =>
        new(transform, terms.Select(t => new ZphTermTest(t.Variable, null, t.Columns.Length, null)).ToList(), null, [], [],
            terms.Select(t => new ZphPanel(t.Variable, [], null)).ToList(), warnings);
}
