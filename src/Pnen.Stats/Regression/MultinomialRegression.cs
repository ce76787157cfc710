using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Regression;

/// <summary>
/// Multinomial logit regression of an outcome with three or more levels, the model of R's
/// <c>nnet::multinom(outcome ~ ...)</c> (one equation per non-reference level), fitted to its
/// maximum likelihood by Newton-Raphson (<see cref="MultinomialNewton"/>). Complete cases, treatment
/// contrasts; separation and collinearity are reported, not silent.
/// </summary>
public static class MultinomialRegression
{
    public static LogitFit Fit(CategoricalCovariate outcome, IReadOnlyList<CoxCovariate> covariates, LogitOptions? options = null)
    {
        options ??= LogitOptions.Default;
        if (outcome.Levels.Count < 2) throw new ArgumentException($"'{outcome.Name}' needs at least two levels", nameof(outcome));
        var design = ModelMatrix.Build(outcome, covariates);
        LogisticRegression.RequireEveryLevel(outcome, design);
        var fit = MultinomialNewton.Fit(design.X, design.Rows.Length, design.Columns, design.Outcome, outcome.Levels.Count, outcome.Reference, options);
        return LogitSummary.Build(LogitKind.Multinomial, outcome, design, fit.Beta, fit.Variance, fit.Redundant, fit.NextStep, fit.Probabilities,
            fit.Deviance, fit.Iterations, fit.Converged, options);
    }
}
