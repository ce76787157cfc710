using System.Globalization;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Regression;

/// <summary>
/// Turns the raw coefficients of a logistic or multinomial fit into terms, and says what went wrong
/// in words: collinear columns (R's NA coefficients), non-convergence, and separation, naming the
/// covariate. Separation is found two ways: glm's own check (a fitted probability within 10·eps of 0
/// or 1, "fitted probabilities numerically 0 or 1 occurred"), and a coefficient whose next Newton
/// step after the fit is still large (it is running off to ±∞, which glm does not say under
/// quasi-separation, e.g. a covariate level with a single record).
/// </summary>
internal static class LogitSummary
{
    private static readonly double NumericalZero = 10 * Math.Pow(2, -52);

    public static LogitFit Build(
        LogitKind kind, CategoricalCovariate outcome, ModelMatrix design, double[] beta, double[] variance, bool[] redundant,
        double[] nextStep, double[] probabilities, double deviance, int iterations, bool converged, LogitOptions options)
    {
        var p = design.Columns;
        var levels = outcome.Levels;
        var equations = MultinomialNewton.Equations(levels.Count, outcome.Reference);
        var q = beta.Length;
        var warnings = new List<string>(design.Warnings);
        var dropped = new List<LogitDroppedTerm>(design.DroppedTerms);
        if (!converged) warnings.Add($"the {Describe(kind)} did not converge in {iterations} iterations");

        var terms = new List<LogitTerm>();
        var separation = false;
        var flagged = new List<string>();
        for (var k = 0; k < q; k++)
        {
            var (variable, termLevel) = design.Names[k % p];
            var level = levels[equations[k / p]];
            if (redundant[k])
            {
                // A column redundant in one equation is redundant in all (the design is shared).
                if (k < p)
                {
                    const string reason = "collinear with covariates before it (its column is a combination of theirs)";
                    dropped.Add(new LogitDroppedTerm(variable, termLevel, reason));
                    warnings.Add($"{ModelMatrix.Label(variable, termLevel)} was dropped from the model: {reason}");
                }
                continue;
            }
            var infinite = !double.IsFinite(nextStep[k]) || Math.Abs(nextStep[k]) > options.InfinityTolerance * Math.Max(1, Math.Abs(beta[k]));
            if (infinite && variable != ModelMatrix.Intercept) flagged.Add(kind == LogitKind.Logistic ? ModelMatrix.Label(variable, termLevel) : $"{ModelMatrix.Label(variable, termLevel)} (for {level})");
            separation |= infinite;
            terms.Add(new LogitTerm(level, variable, termLevel, beta[k], Math.Sqrt(Math.Max(0, variance[k * q + k])), infinite));
        }

        var extreme = 0;
        foreach (var probability in probabilities)
        {
            if (probability < NumericalZero || probability > 1 - NumericalZero) extreme++;
        }
        if (extreme > 0)
        {
            separation = true;
            warnings.Add($"fitted probabilities numerically 0 or 1 occurred ({extreme.ToString(CultureInfo.InvariantCulture)} of them): the treatment is (almost) perfectly predicted, so some weights are extreme");
        }
        if (flagged.Count > 0)
        {
            warnings.Add($"separation in the {Describe(kind)}: the coefficient of {string.Join(", ", flagged)} is running off to infinity (the covariate predicts the treatment perfectly for some records, e.g. a level with a single record or with one treatment only); its value is where the iterations stopped, not an estimate");
        }
        else if (terms.Any(t => t.PossiblyInfinite))
        {
            warnings.Add($"separation in the {Describe(kind)}: the intercept is running off to infinity (a treatment level is (almost) never or always received)");
        }

        return new LogitFit(kind, levels, outcome.Reference, terms, dropped, outcome.Codes.Length - design.Rows.Length, deviance, iterations, converged,
            design.Rows, probabilities, warnings)
        {
            Separation = separation,
        };
    }

    private static string Describe(LogitKind kind) => kind == LogitKind.Logistic ? "logistic model" : "multinomial model";
}
