using Pnen.Stats.Balance;
using Pnen.Stats.Regression;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Weighting;

namespace Pnen.Dsl.Execution;

/// <summary>
/// Runs a plan's weighting in one cohort: the records complete in the exposure and every covariate, the
/// propensity model of the exposure levels that occur among them (R's glm for two, nnet's multinom for
/// more), the weights (WeightIt's get_w_from_ps conventions), balance before and after (cobalt's pooled
/// SMD), the weighted Kaplan-Meier curves (survfit(weights =)) and the weighted Cox model of the exposure
/// with the robust variance (coxph(weights =, robust = TRUE), Efron ties, the plan's strata).
/// </summary>
internal static class WeightingAnalysis<T, TX> where TX : notnull
{
    private const string Subject = "The propensity-score weighting";

    /// <summary>glm's "fitted probabilities numerically 0 or 1": within 10 machine epsilons of 0 or 1.</summary>
    private static readonly double NumericalZero = 10 * Math.Pow(2, -52);

    public static WeightingResult<TX> Run(WeightingSpec<T> spec, WeightingDeclaration declaration, CohortFrame<T> frame, EvaluatedCharacteristic<T> exposure,
        Func<TX, int> exposureCode)
    {
        var levels = exposure.Spec.Levels;
        var reference = exposure.Spec.Reference;
        var codes = exposure.Codes!;
        var covariates = spec.Covariates.Select(c => EvaluatedCharacteristic<T>.Of(c, frame.Members)).ToArray();
        var rows = frame.All.Where(r => codes[r] >= 0 && covariates.All(c => !c.IsMissing(r))).ToArray();
        var notes = new List<Note>();
        if (rows.Length < frame.N) notes.Add(new RecordsLeftOutOfWeighting(frame.N - rows.Length, rows.Length));
        var present = PresentLevels.Of(rows.Select(r => codes[r]).ToArray(), levels, reference);
        var values = covariates.Select(c => c.Spec.LevelValues).ToArray();

        WeightingResult<TX> Empty(string why) => new(declaration, levels, reference, exposureCode)
        {
            Estimated = false,
            N = rows.Length,
            Dropped = frame.N - rows.Length,
            Balance = Balance(declaration, covariates, levels, reference, [], exposureCode),
            HazardRatios = LevelAnalysis.Absent(exposure.Spec.Id, levels, reference, false, why),
            Notes = [.. notes, new NotDone(Subject, why)],
            CovariateValues = values,
        };

        if (present.Unusable(levels, reference) is { } unusable) return Empty(unusable);
        int? focal = null;
        if (spec.Estimand == Estimand.Att)
        {
            var declared = spec.Focal ?? (levels.Count == 2 ? 1 - reference : -1);
            focal = present.Compact(declared);
            if (focal < 0) return Empty($"no analysed record has the focal level {declaration.Focal}");
        }
        if (present.Absent.Count > 0) notes.Add(new LevelsWithoutRecords(Subject, present.Absent));

        var treatment = new CategoricalCovariate(exposure.Spec.Id, rows.Select(r => present.Compact(codes[r])).ToArray(), present.Labels, present.Reference);
        var terms = covariates.Select(c => c.ToCovariate(rows)).ToArray();
        var fit = present.Present.Length == 2 ? LogisticRegression.Fit(treatment, terms) : MultinomialRegression.Fit(treatment, terms);
        notes.AddRange(ModelNotes(fit, covariates));
        var options = new WeightingOptions { Estimand = spec.Estimand, Focal = focal, Stabilize = spec.Stabilize, TruncateQuantiles = spec.Truncation };
        var weighting = PropensityWeights.Compute(fit, treatment, options);

        // The model's rows are the analysed records (none has a missing value), in order.
        var analysed = fit.Rows.Select(i => rows[i]).ToArray();
        var weights = weighting.Weights.ToArray();
        var balance = BalanceTable.Compute(fit, treatment, terms, weights);

        var data = new SurvivalData(analysed.Select(r => frame.Time[r]).ToArray(), analysed.Select(r => frame.Died[r]).ToArray()) { Weights = weights };
        var planCodes = analysed.Select(r => codes[r]).ToArray();
        var curves = KaplanMeier.FitGroups(data, planCodes, levels);
        var exposureTerm = new CategoricalCovariate(exposure.Spec.Id, planCodes, levels, reference);
        var cox = CoxRegression.Fit(data, [exposureTerm], new CoxOptions { Robust = true }, frame.CoxStrata(analysed, []));
        notes.AddRange(CoxNotes(cox, exposure.Label));

        return new WeightingResult<TX>(declaration, levels, reference, exposureCode)
        {
            Estimated = true,
            N = rows.Length,
            Dropped = frame.N - rows.Length,
            Model = fit,
            Weights = weighting,
            Arms = levels.Select((label, l) => present.Compact(l) is var c && c >= 0 ? weighting.Arms[c] : EmptyArm(label)).ToArray(),
            Balance = Balance(declaration, covariates, levels, reference, balance, exposureCode),
            Curves = curves,
            Cox = cox,
            HazardRatios = LevelAnalysis.Estimates(exposure.Spec.Id, levels, reference, false, cox),
            RobustScore = cox.RobustScore is { } score ? new TestResult(TestKind.RobustScore, score.ChiSquare, score.DegreesOfFreedom, score.PValue) : null,
            Notes = notes,
            CovariateValues = values,
        };
    }

    private static ArmWeights EmptyArm(string level) => new(level, 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>A row per number and per level of a categorical covariate, in the plan's order; each with a
    /// comparison per non-reference exposure level (without numbers where the engine gave none).</summary>
    private static IReadOnlyList<CovariateBalance<TX>> Balance(WeightingDeclaration declaration, IReadOnlyList<EvaluatedCharacteristic<T>> covariates,
        IReadOnlyList<string> levels, int reference, IReadOnlyList<BalanceRow> rows, Func<TX, int> code)
    {
        var result = new List<CovariateBalance<TX>>();
        for (var i = 0; i < covariates.Count; i++)
        {
            var covariate = covariates[i];
            var covariateLevels = covariate.IsContinuous ? new string?[] { null } : covariate.Spec.Levels.ToArray<string?>();
            foreach (var level in covariateLevels)
            {
                var comparisons = levels.Where((_, l) => l != reference).Select(treatment =>
                {
                    var row = rows.FirstOrDefault(r => r.Variable == covariate.Spec.Id && r.Level == level && r.TreatmentLevel == treatment);
                    return row is null
                        ? new BalanceComparison(treatment, null, null, null, null, null, null)
                        : new BalanceComparison(treatment, Finite(row.MeanBefore), Finite(row.ReferenceMeanBefore), row.MeanAfter, row.ReferenceMeanAfter, row.SmdBefore, row.SmdAfter);
                }).ToArray();
                result.Add(new CovariateBalance<TX>(declaration.Covariates[i], level, comparisons, code, reference));
            }
        }
        return result;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Separation, non-convergence and columns left out, named by the covariates' labels (never read from the engine's sentences).</summary>
    private static IEnumerable<Note> ModelNotes(LogitFit fit, IReadOnlyList<EvaluatedCharacteristic<T>> covariates)
    {
        string Label(string id, string? level) =>
            (covariates.FirstOrDefault(c => c.Spec.Id == id)?.Label ?? id) + (level is null ? "" : " " + level);
        if (!fit.Converged) yield return new AnalysisMessage("The propensity model", $"the fit did not converge in {fit.Iterations} iterations");
        foreach (var d in fit.DroppedTerms) yield return new NotEstimated("The propensity model", Label(d.Variable, null), d.Level, d.Reason);
        if (fit.Separation)
        {
            var flagged = fit.Terms.Where(t => t.PossiblyInfinite && t.Variable != "(Intercept)").Select(t => Label(t.Variable, t.TermLevel)).Distinct().ToArray();
            var extreme = fit.Probabilities.Any(p => p < NumericalZero || p > 1 - NumericalZero);
            yield return new PropensitySeparation(flagged, extreme);
        }
    }

    private static IEnumerable<Note> CoxNotes(CoxResult cox, string exposure)
    {
        if (cox.N > 0 && cox.Events == 0) yield return new AnalysisMessage("The weighted Cox model", "there are no events: no hazard ratio can be estimated");
        if (cox.Events > 0 && !cox.Converged) yield return new AnalysisMessage("The weighted Cox model", $"the fit did not converge in {cox.Iterations} iterations");
        foreach (var t in cox.Terms.Where(t => t.PossiblyInfinite)) yield return new PossiblyInfinite("weighted Cox model", exposure, t.Level);
    }
}
