using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Regression;

/// <summary>
/// Logistic regression of a two-level outcome on covariates, as R's
/// <c>glm(outcome ~ ..., family = binomial)</c> with the outcome a factor whose reference level is
/// its first: the model is for the log-odds of the other level. Complete cases, treatment contrasts,
/// IRLS as glm.fit (see <see cref="LogisticIrls"/>); separation and collinearity are reported, not
/// silent.
/// </summary>
public static class LogisticRegression
{
    public static LogitFit Fit(CategoricalCovariate outcome, IReadOnlyList<CoxCovariate> covariates, LogitOptions? options = null)
    {
        options ??= LogitOptions.Default;
        if (outcome.Levels.Count != 2) throw new ArgumentException($"a logistic model needs an outcome with two levels; '{outcome.Name}' has {outcome.Levels.Count}", nameof(outcome));
        var design = ModelMatrix.Build(outcome, covariates);
        RequireEveryLevel(outcome, design);
        var n = design.Rows.Length;
        var other = 1 - outcome.Reference;
        var y = new double[n];
        for (var i = 0; i < n; i++) y[i] = design.Outcome[i] == other ? 1 : 0;

        var fit = LogisticIrls.Fit(design.X, n, design.Columns, y, options);
        var probabilities = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            probabilities[i * 2 + other] = fit.Mu[i];
            probabilities[i * 2 + outcome.Reference] = 1 - fit.Mu[i];
        }
        return LogitSummary.Build(LogitKind.Logistic, outcome, design, fit.Beta, fit.Variance, fit.Redundant, fit.NextStep, fit.Mu,
            fit.Deviance, fit.Iterations, fit.Converged, options) with { Probabilities = probabilities };
    }

    /// <summary>Every outcome level must occur among the complete cases, or there is nothing to model.</summary>
    internal static void RequireEveryLevel(CategoricalCovariate outcome, ModelMatrix design)
    {
        var counts = new int[outcome.Levels.Count];
        foreach (var code in design.Outcome) counts[code]++;
        for (var l = 0; l < counts.Length; l++)
        {
            if (counts[l] == 0) throw new ArgumentException($"level '{outcome.Levels[l]}' of '{outcome.Name}' has no complete rows", nameof(outcome));
        }
    }
}
