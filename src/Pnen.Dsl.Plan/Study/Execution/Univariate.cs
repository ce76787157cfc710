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
            var (model, firth, firthNote) = Fit(c, frame, rows);
            var estimates = FirthEstimates.Beside(LevelAnalysis.Estimates(c.Spec.Id, [], 0, true, model), c.Spec.Id, firth);
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
                Note = p is null ? new AnalysisMessage(c.Label, estimates[0].Note ?? "not estimable") : firthNote,
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
        var (cox, fallback, note) = Fit(c, frame, rows);
        return new CharacteristicResult(declaration, c.Spec.LevelValues)
        {
            IsExposure = c.IsExposure,
            Levels = levels,
            Missing = missingCount,
            Test = StratifiedLogRank.Summary(logRank),
            LogRankDetail = logRank,
            HazardRatios = FirthEstimates.Beside(LevelAnalysis.Estimates(c.Spec.Id, c.Spec.Levels, c.Spec.Reference, false, cox), c.Spec.Id, fallback),
            Model = cox,
            Note = logRank.PValue is null ? new AnalysisMessage(c.Label, "not tested: " + string.Join("; ", logRank.Warnings)) : note,
        };
    }

    /// <summary>The univariable Cox model (Efron ties, as R's default) among the rows with a value, and
    /// Firth's refit when its coefficient may be infinite (or a note saying why there is none).</summary>
    private static (CoxResult Cox, Stats.Survival.Cox.Firth.FirthCoxResult? Firth, Note? Note) Fit(EvaluatedCharacteristic<T> c, CohortFrame<T> frame, IReadOnlyList<int> rows)
    {
        var used = rows.Where(r => !c.IsMissing(r)).ToArray();
        var data = frame.Data(used);
        CoxCovariate[] covariates = [c.ToCovariate(used)];
        var strata = frame.CoxStrata(used, []);
        var cox = CoxRegression.Fit(data, covariates, CoxOptions.Default, strata);
        var (firth, note) = FirthEstimates.Fallback(c.Label, data, covariates, cox, strata);
        return (cox, firth, note);
    }
}
