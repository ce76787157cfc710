using Pnen.Stats.Distributions;
using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox.Firth;

/// <summary>
/// Firth's penalised Cox regression (Heinze &amp; Schemper, Biometrics 2001), as R's coxphf 1.13:
/// maximises ℓ(β) + ½ log|I(β)| (Breslow's partial likelihood), which removes the first-order bias
/// of β̂ and keeps it finite under monotone likelihood (a level without events, a covariate that
/// separates the deaths). Gives profile penalised likelihood limits and a penalised
/// likelihood-ratio test per coefficient (a restricted fit with it fixed at 0). Covariates are
/// divided by their standard deviation while iterating, as coxphf, so its step rule and
/// convergence tolerances act on the same scale; complete cases, constant and collinear columns
/// as <see cref="CoxRegression"/>. coxphf has no strata, and neither has this.
/// </summary>
public static class FirthCoxRegression
{
    public static FirthCoxResult Fit(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        FirthOptions? options = null)
    {
        options ??= FirthOptions.Default;
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel, "the confidence level lies strictly between 0 and 1");
        SurvivalInput.Check(time, status);
        var design = CoxDesign.Build(time, status, covariates, null, options.TimeFix);
        var warnings = design.Warnings;
        if (design.DroppedRows > 0)
        {
            warnings.Insert(0, $"{design.DroppedRows} row{(design.DroppedRows == 1 ? " was" : "s were")} left out because a covariate was missing");
        }
        var events = design.Status.Count(s => s);
        var dropped = new List<CoxDroppedTerm>(design.DroppedTerms);
        if (design.Rows == 0 || events == 0 || design.Columns == 0)
        {
            warnings.Add(design.Rows == 0 ? "no complete rows: the model cannot be fitted"
                : events == 0 ? "there are no events: no coefficient can be estimated" : "no covariate is left to estimate");
            if (events == 0) dropped.AddRange(design.Names.Select(n => new CoxDroppedTerm(n.Variable, n.Level, "no events to estimate it from")));
            return Empty(design.Rows, events, design.DroppedRows, dropped, warnings, options);
        }

        var (x, scale, kept) = Standardise(design, options, dropped, warnings);
        var p = kept.Length;
        if (p == 0)
        {
            warnings.Add("no covariate is left to estimate");
            return Empty(design.Rows, events, design.DroppedRows, dropped, warnings, options);
        }
        var likelihood = new FirthLikelihood(x, design.Rows, p, design.Time, design.Status, options.Penalty);

        var all = Enumerable.Repeat(true, p).ToArray();
        var fit = FirthNewtonRaphson.Run(likelihood, new double[p], all, options);
        if (fit.Failed) warnings.Add("numerical problem in the penalised fit (the information matrix is singular or its determinant underflows): check the estimates");
        if (!fit.Converged || fit.Iterations >= options.MaxIterations)
        {
            warnings.Add($"the penalised fit did not converge in {options.MaxIterations} iterations");
        }
        var final = likelihood.Evaluate(fit.Beta);
        var variance = SymmetricSystem.Inverse(final.Information, p) ?? new double[p * p];

        var terms = new List<FirthTerm>();
        // coxphf's qchisq(1 − alpha, 1), the square of the normal quantile.
        var z = Normal.Quantile(1 - (1 - options.ConfidenceLevel) / 2);
        var target = final.LogLikelihood - 0.5 * z * z;
        for (var k = 0; k < p; k++)
        {
            var (variable, level) = design.Names[kept[k]];
            var beta = fit.Beta[k] / scale[k];
            var se = Math.Sqrt(variance[k * p + k]) / scale[k];
            double? lower = null, upper = null, chisq = null, pValue = null;
            if (options.ProfileLikelihood)
            {
                var limits = FirthProfileLimits.Find(likelihood, fit.Beta, final, k, target, options);
                lower = limits.Lower is { } l ? Math.Exp(l / scale[k]) : null;
                upper = limits.Upper is { } u ? Math.Exp(u / scale[k]) : null;
                var fixedAtZero = (bool[])all.Clone();
                fixedAtZero[k] = false;
                var restricted = FirthNewtonRaphson.Run(likelihood, new double[p], fixedAtZero, options);
                if (!restricted.Failed && restricted.Iterations < options.MaxIterations)
                {
                    chisq = 2 * (final.LogLikelihood - restricted.Value.LogLikelihood);
                    pValue = ChiSquared.UpperTail(chisq.Value, 1);
                }
                if (lower is null || upper is null || chisq is null)
                {
                    warnings.Add($"{CoxDesign.Label(variable, level)}: the profile penalised likelihood {(chisq is null ? "test" : "limit")} did not converge in {options.MaxIterations} iterations");
                }
            }
            terms.Add(new FirthTerm(variable, level, beta, se, beta / se, Math.Exp(beta), lower, upper, chisq, pValue));
        }

        var lrStatistic = 2 * (final.LogLikelihood - fit.StartLogLikelihood);
        var wald = 0.0;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++) wald += fit.Beta[i] * final.Information[i * p + j] * fit.Beta[j];
        }
        var unscaledVariance = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++) unscaledVariance[i * p + j] = variance[i * p + j] / (scale[i] * scale[j]);
        }
        return new FirthCoxResult(design.Rows, events, design.DroppedRows, fit.Iterations, fit.Converged && !fit.Failed,
            fit.StartLogLikelihood, final.LogLikelihood,
            new CoxGlobalTest(lrStatistic, p, ChiSquared.UpperTail(lrStatistic, p)),
            new CoxGlobalTest(wald, p, ChiSquared.UpperTail(wald, p)),
            terms, dropped, warnings)
        {
            Variance = unscaledVariance,
            ConfidenceLevel = options.ConfidenceLevel,
        };
    }

    /// <summary>Centres each column and divides it by its standard deviation (n − 1, as coxphf's
    /// sd(); centring changes no likelihood, it keeps exp(x'β) in range); drops columns collinear with earlier ones (Cholesky of the information at β = 0,
    /// as coxph). Returns the standardised matrix of the kept columns, their scales and indices.</summary>
    private static (double[] X, double[] Scale, int[] Kept) Standardise(CoxDesign design, FirthOptions options, List<CoxDroppedTerm> dropped, List<string> warnings)
    {
        var n = design.Rows;
        var all = design.Columns;
        var centred = new double[n * all];
        var scale = new double[all];
        for (var c = 0; c < all; c++)
        {
            var mean = 0.0;
            for (var r = 0; r < n; r++) mean += design.X[(long)r * all + c];
            mean /= n;
            var squares = 0.0;
            for (var r = 0; r < n; r++)
            {
                var v = design.X[(long)r * all + c] - mean;
                centred[r * all + c] = v;
                squares += v * v;
            }
            scale[c] = Math.Sqrt(squares / (n - 1));
        }
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < all; c++) centred[r * all + c] /= scale[c];
        }

        var info = new FirthLikelihood(centred, n, all, design.Time, design.Status, 0).Evaluate(new double[all], penalised: false).Information;
        GeneralizedCholesky.Decompose(info, all, options.CholeskyTolerance);
        var kept = new List<int>();
        for (var c = 0; c < all; c++)
        {
            if (info[c * all + c] != 0)
            {
                kept.Add(c);
                continue;
            }
            var (variable, level) = design.Names[c];
            const string reason = "collinear with covariates before it (its column is a combination of theirs)";
            dropped.Add(new CoxDroppedTerm(variable, level, reason));
            warnings.Add($"{CoxDesign.Label(variable, level)} was dropped from the model: {reason}");
        }
        var p = kept.Count;
        var x = new double[n * p];
        for (var r = 0; r < n; r++)
        {
            for (var k = 0; k < p; k++) x[r * p + k] = centred[r * all + kept[k]];
        }
        return (x, kept.Select(c => scale[c]).ToArray(), kept.ToArray());
    }

    private static FirthCoxResult Empty(int n, int events, int droppedRows, List<CoxDroppedTerm> dropped, List<string> warnings, FirthOptions options) =>
        new(n, events, droppedRows, 0, true, 0, 0, null, null, [], dropped, warnings)
        {
            Variance = [],
            ConfidenceLevel = options.ConfidenceLevel,
        };
}
