using Pnen.Stats.Distributions;
using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// Cox proportional hazards regression for right-censored data, matching R's coxph: Efron or
/// Breslow ties, strata, treatment contrasts, complete-case analysis, Newton-Raphson as coxfit6,
/// likelihood-ratio, Wald and score tests. Degenerate data never yields a silent NaN: constant
/// and collinear columns are dropped by name, and coefficients heading to infinity are flagged.
/// </summary>
public static partial class CoxRegression
{
    public static CoxResult Fit(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options = null,
        CoxStrata? strata = null) => Fit(time, status, covariates, options, strata, fitted: null);

    /// <param name="fitted">Called with the design, the iterations and their outcome, once fitted.</param>
    /// <param name="designed">Called with the design before the iterations centre and scale its matrix in place.</param>
    internal static CoxResult Fit(
        ReadOnlySpan<double> time, ReadOnlySpan<bool> status, IReadOnlyList<CoxCovariate> covariates, CoxOptions? options, CoxStrata? strata,
        Action<CoxDesign, CoxNewtonRaphson, CoxFit>? fitted, Action<CoxDesign>? designed = null)
    {
        options ??= CoxOptions.Default;
        SurvivalInput.Check(time, status);
        var design = CoxDesign.Build(time, status, covariates, strata, options.TimeFix);
        return FitDesign(design, options, strata is not null, d =>
        {
            designed?.Invoke(d);
            return new CoxNewtonRaphson(d, options.Ties);
        }, robust: null, fitted);
    }

    private static string DroppedRowsWarning(long rows, bool stratified) =>
        $"{rows} row{(rows == 1 ? " was" : "s were")} left out because a covariate{(stratified ? " or the stratum" : "")} was missing";

    /// <param name="newEngine">The iterations for the design (the likelihood pass they use).</param>
    /// <param name="robust">The robust variance of a fit, or null for the model-based one.</param>
    private static CoxResult FitDesign(
        CoxDesign design, CoxOptions options, bool stratified,
        Func<CoxDesign, CoxNewtonRaphson> newEngine, Func<CoxNewtonRaphson, CoxFit, CoxRobust>? robust,
        Action<CoxDesign, CoxNewtonRaphson, CoxFit>? fitted = null)
    {
        var warnings = design.Warnings;
        if (design.DroppedRows > 0)
        {
            warnings.Insert(0, DroppedRowsWarning(design.DroppedRows, stratified));
        }

        var events = EventsOf(design);
        if (design.Rows == 0)
        {
            warnings.Add("no complete rows: the model cannot be fitted");
            return Empty(design, events, 0, warnings, options);
        }
        if (events == 0)
        {
            // Nothing to estimate (R gives NA for every coefficient): say why, rather than letting
            // an all-zero information matrix call every covariate collinear.
            warnings.Add("there are no events: no coefficient can be estimated");
            var dropped = design.DroppedTerms.Concat(design.Names.Select(n => new CoxDroppedTerm(n.Variable, n.Level, "no events to estimate it from"))).ToList();
            return Empty(design, events, 0, warnings, options) with { DroppedTerms = dropped };
        }
        if (design.Columns == 0)
        {
            warnings.Add("no covariate is left to estimate");
            // The null model's partial likelihood: one pass at beta = 0, no iterations.
            var nullModel = newEngine(design).Fit(options with { MaxIterations = 0 });
            return Empty(design, events, nullModel.LogLikelihoodStart, warnings, options);
        }

        var engine = newEngine(design);
        var fit = engine.Fit(options);
        fitted?.Invoke(design, engine, fit);
        return Summarise(design, fit, options, warnings, robust?.Invoke(engine, fit));
    }

    private static CoxResult Summarise(CoxDesign design, CoxFit fit, CoxOptions options, List<string> warnings, CoxRobust? robust = null)
    {
        var p = design.Columns;
        var singular = new bool[p];
        for (var i = 0; i < p; i++) singular[i] = fit.Variance[i * p + i] == 0;

        // The next Newton step of each coefficient: large after convergence means the
        // likelihood is still rising towards beta = ±∞. R checks this only after convergence; a
        // fit that ran out of iterations is checked too (an arm without events often needs more
        // than 20 steps to level off), so that where the iterations stopped is never reported as
        // an estimate: R's "Ran out of iterations" warning alone would leave a huge HR unflagged.
        var infinite = new bool[p];
        if (options.MaxIterations > 1)
        {
            if (!fit.Converged)
            {
                warnings.Add($"the fit did not converge in {options.MaxIterations} iterations");
            }
            for (var i = 0; i < p; i++)
            {
                var nextStep = 0.0;
                for (var j = 0; j < p; j++) nextStep += fit.Score[j] * fit.Variance[j * p + i];
                nextStep = Math.Abs(nextStep);
                infinite[i] = !singular[i] &&
                    (!double.IsFinite(fit.Score[i]) || (nextStep > options.Epsilon && nextStep > options.InfinityTolerance * Math.Abs(fit.Beta[i])));
            }
        }

        var z = Normal.Quantile(1 - (1 - options.ConfidenceLevel) / 2);
        var terms = new List<CoxTerm>();
        var kept = new List<int>();
        var dropped = new List<CoxDroppedTerm>(design.DroppedTerms);
        for (var i = 0; i < p; i++)
        {
            var (variable, level) = design.Names[i];
            if (singular[i])
            {
                const string reason = "collinear with covariates before it (its column is a combination of theirs)";
                dropped.Add(new CoxDroppedTerm(variable, level, reason));
                warnings.Add($"{CoxDesign.Label(variable, level)} was dropped from the model: {reason}");
                continue;
            }
            var beta = fit.Beta[i];
            var naiveSe = Math.Sqrt(fit.Variance[i * p + i]);
            var se = robust is null ? naiveSe : Math.Sqrt(robust.Variance[i * p + i]);
            var zValue = beta / se;
            terms.Add(new CoxTerm(variable, level, beta, se, zValue, Normal.TwoSidedP(zValue),
                Math.Exp(beta), Math.Exp(beta - z * se), Math.Exp(beta + z * se), infinite[i])
            {
                NaiveStdErr = robust is null ? null : naiveSe,
            });
            kept.Add(i);
            if (infinite[i])
            {
                warnings.Add($"{CoxDesign.Label(variable, level)}: the coefficient may be infinite (monotone likelihood; e.g. a level with no events). Its hazard ratio is not an estimate");
            }
        }

        var rank = kept.Count;
        var coefficients = new double[rank];
        for (var a = 0; a < rank; a++) coefficients[a] = fit.Beta[kept[a]];
        var variance = Kept(robust?.Variance ?? fit.Variance, p, kept);

        CoxGlobalTest? lr = null, wald = null, score = null, robustScore = null;
        if (rank > 0)
        {
            var lrStatistic = 2 * (fit.LogLikelihoodEnd - fit.LogLikelihoodStart);
            lr = new CoxGlobalTest(lrStatistic, rank, ChiSquared.UpperTail(lrStatistic, rank));
            score = new CoxGlobalTest(fit.ScoreTest, rank, ChiSquared.UpperTail(fit.ScoreTest, rank));
            if (AllFinite(coefficients) && AllFinite(variance))
            {
                var (waldStatistic, waldRank) = GeneralizedCholesky.QuadraticForm(variance, rank, coefficients, options.CholeskyTolerance);
                wald = waldRank > 0 ? new CoxGlobalTest(waldStatistic, waldRank, ChiSquared.UpperTail(waldStatistic, waldRank)) : null;
            }
            if (robust?.ScoreTest is { } rscore)
            {
                // summary(coxph) gives the robust score test the df of the other tests.
                robustScore = new CoxGlobalTest(rscore, rank, ChiSquared.UpperTail(rscore, rank));
            }
        }

        return new CoxResult(design.Rows, EventsOf(design), design.DroppedRows, fit.Iterations, fit.Converged,
            fit.LogLikelihoodStart, fit.LogLikelihoodEnd, lr, wald, score, options.Ties, terms, dropped, warnings)
        {
            Variance = variance,
            NaiveVariance = robust is null ? null : Kept(fit.Variance, p, kept),
            RobustScore = robustScore,
            Clusters = robust?.Clusters,
        };
    }

    /// <summary>The rows and columns <paramref name="kept"/> of a p × p matrix.</summary>
    private static double[] Kept(double[] matrix, int p, List<int> kept)
    {
        var rank = kept.Count;
        var result = new double[rank * rank];
        for (var a = 0; a < rank; a++)
        {
            for (var b = 0; b < rank; b++) result[a * rank + b] = matrix[kept[a] * p + kept[b]];
        }
        return result;
    }

    private static CoxResult Empty(CoxDesign design, int events, double loglik, List<string> warnings, CoxOptions options) =>
        new(design.Rows, events, design.DroppedRows, 0, true, loglik, loglik, null, null, null, options.Ties, [], design.DroppedTerms, warnings)
        {
            Variance = [],
        };

    private static int EventsOf(CoxDesign design) => design.IsStreamed ? design.StreamedEvents : CountEvents(design.Status);

    private static int CountEvents(bool[] status)
    {
        var events = 0;
        foreach (var s in status)
        {
            if (s) events++;
        }
        return events;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) return false;
        }
        return true;
    }
}
