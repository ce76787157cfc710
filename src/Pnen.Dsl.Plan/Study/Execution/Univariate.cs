using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The univariate survival analysis of one characteristic: Kaplan-Meier per level, the log-rank test
/// and the univariable Cox hazard ratios of a categorical one (gtsummary's tbl_uvregression beside
/// survminer's log-rank P); for a continuous one, the univariable Cox model and its Wald test. Tests
/// and models are stratified by the plan's strata.
/// </summary>
internal static class Univariate<T>
{
    public static CharacteristicResult Analyse(EvaluatedCharacteristic<T> c, CohortFrame<T> frame, IReadOnlyList<int> rows, bool test = true)
    {
        var declaration = PlanDeclarations.Variable(c.Spec);
        var constant = c.ConstantIn(rows);
        if (c.IsContinuous)
        {
            var missing = rows.Count(r => c.IsMissing(r));
            if (constant is not null || !test)
            {
                return new CharacteristicResult(declaration, c.Spec.LevelValues)
                {
                    IsExposure = c.IsExposure, Levels = [], Missing = missing, Note = constant is null ? null : new NotTested(c.Label, constant),
                };
            }
            var model = Fit(c, frame, rows);
            var estimates = LevelAnalysis.Estimates(c.Spec.Id, [], 0, true, model);
            // A coefficient running off to infinity (the characteristic separates deaths from
            // survivors) has no meaningful Wald P: not tested, and said so.
            var term = model.Term(c.Spec.Id);
            var p = term is { PossiblyInfinite: false } ? term.PValue : (double?)null;
            return new CharacteristicResult(declaration, c.Spec.LevelValues)
            {
                IsExposure = c.IsExposure, Levels = [], Missing = missing,
                Test = new TestResult(TestKind.Wald, term is null ? null : term.Z * term.Z, 1, p),
                HazardRatios = estimates,
                Model = model,
                Note = p is null ? new AnalysisMessage(c.Label, estimates[0].Note ?? "not estimable") : null,
            };
        }

        var (levels, missingCount) = LevelAnalysis.Survival(c.Spec.Levels, c.Codes!, rows, frame);
        if (constant is not null || !test)
        {
            return new CharacteristicResult(declaration, c.Spec.LevelValues)
            {
                IsExposure = c.IsExposure, Levels = levels, Missing = missingCount, Note = constant is null ? null : new NotTested(c.Label, constant),
            };
        }
        var logRank = StratifiedLogRank.Test(frame, c.Codes!, c.Spec.Levels, rows);
        var cox = Fit(c, frame, rows);
        return new CharacteristicResult(declaration, c.Spec.LevelValues)
        {
            IsExposure = c.IsExposure,
            Levels = levels,
            Missing = missingCount,
            Test = StratifiedLogRank.Summary(logRank),
            LogRankDetail = logRank,
            HazardRatios = LevelAnalysis.Estimates(c.Spec.Id, c.Spec.Levels, c.Spec.Reference, false, cox),
            Model = cox,
            Note = logRank.PValue is null ? new AnalysisMessage(c.Label, "not tested: " + string.Join("; ", logRank.Warnings)) : null,
        };
    }

    /// <summary>The univariable Cox model (Efron ties, as R's default) among the rows with a value.</summary>
    private static CoxResult Fit(EvaluatedCharacteristic<T> c, CohortFrame<T> frame, IReadOnlyList<int> rows)
    {
        var used = rows.Where(r => !c.IsMissing(r)).ToArray();
        return CoxRegression.Fit(frame.Data(used), [c.ToCovariate(used)], CoxOptions.Default, frame.CoxStrata(used, []));
    }
}
