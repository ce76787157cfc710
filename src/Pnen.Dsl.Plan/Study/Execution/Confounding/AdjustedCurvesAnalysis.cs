using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Standardization;

namespace Pnen.Dsl.Execution;

/// <summary>
/// Runs a plan's adjusted curves in one cohort: the covariates (the named model's terms, a screened model's
/// choice in this cohort, or the list), the plan's and the model's strata entered as covariates (a
/// standardised curve needs one baseline hazard), the records complete in all of them and the exposure,
/// then <see cref="CoxStandardization"/> on the exposure levels that occur, with the plan's seed.
/// </summary>
internal static class AdjustedCurvesAnalysis<T, TX> where T : ICodebook<T> where TX : notnull
{
    private const string Subject = "The adjusted curves";

    public static AdjustedCurvesResult<TX> Run(AdjustedCurvesSpec<T> spec, AdjustedCurvesDeclaration declaration, StudyPlan<T, TX> plan, CohortFrame<T> frame,
        EvaluatedCharacteristic<T> exposure, IReadOnlyList<EvaluatedCharacteristic<T>> characteristics, IReadOnlyList<ModelResult<TX>> models)
    {
        var levels = exposure.Spec.Levels;
        var reference = exposure.Spec.Reference;
        var codes = exposure.Codes!;
        var covariates = Covariates(spec, plan, frame, characteristics, models);
        var rows = frame.All.Where(r => codes[r] >= 0 && covariates.All(c => !c.IsMissing(r))).ToArray();
        var notes = new List<Note>();
        if (rows.Length < frame.N) notes.Add(new RecordsLeftOutOfAdjustedCurves(frame.N - rows.Length, rows.Length));
        var present = PresentLevels.Of(rows.Select(r => codes[r]).ToArray(), levels, reference);
        var labels = covariates.Select(c => c.Label).ToArray();

        AdjustedCurvesResult<TX> Empty(string why, CoxResult? model = null) => new(declaration, plan.ExposureSpec.CodeOfLevel)
        {
            Estimated = false,
            Covariates = labels,
            N = rows.Length,
            Dropped = frame.N - rows.Length,
            Model = model,
            Levels = levels.Select((level, l) => new AdjustedLevel(level, l == reference, null, null)).ToArray(),
            Notes = [.. notes, new NotDone(Subject, why)],
        };

        if (present.Unusable(levels, reference) is { } unusable) return Empty(unusable);
        if (present.Absent.Count > 0) notes.Add(new LevelsWithoutRecords(Subject, present.Absent));

        var treatment = new CategoricalCovariate(exposure.Spec.Id, rows.Select(r => present.Compact(codes[r])).ToArray(), present.Labels, present.Reference);
        var options = new StandardizationOptions
        {
            Cox = new CoxOptions { Ties = spec.Ties },
            Times = spec.Times,
            Tau = spec.Tau,
            Bootstrap = spec.Replicates,
            Seed = spec.Seed ?? 1,
        };
        var result = CoxStandardization.Fit(rows.Select(r => frame.Time[r]).ToArray(), rows.Select(r => frame.Died[r]).ToArray(), treatment,
            covariates.Select(c => c.ToCovariate(rows)).ToArray(), options);
        notes.AddRange(ModelNotes(result.Model, covariates));
        if (result.Curves.Count == 0) return Empty(result.Model.Events == 0 ? "there are no events" : "the model could not be fitted", result.Model);
        // Without the exposure's coefficient every level's curve would be the same: no effect can be read off them.
        if (result.Model.DroppedTerms.Any(d => d.Variable == exposure.Spec.Id))
        {
            return Empty($"the model could not estimate the effect of {exposure.Label} (a level collinear with the covariates)", result.Model);
        }
        if (result.BootstrapFailures > 0)
        {
            notes.Add(new AnalysisMessage(Subject, $"{result.BootstrapFailures} of {spec.Replicates} bootstrap replicates could not be estimated (a level without records or events in the resample) and were left out"));
        }

        return new AdjustedCurvesResult<TX>(declaration, plan.ExposureSpec.CodeOfLevel)
        {
            Estimated = true,
            Covariates = labels,
            N = rows.Length,
            Dropped = frame.N - rows.Length,
            Model = result.Model,
            Levels = levels.Select((level, l) => present.Compact(l) is var c && c >= 0
                ? new AdjustedLevel(level, l == reference, result.Curves[c], result.Differences.FirstOrDefault(d => d.Level == level))
                : new AdjustedLevel(level, l == reference, null, null)).ToArray(),
            Replicates = result.BootstrapReplicates,
            Failures = result.BootstrapFailures,
            Notes = notes,
        };
    }

    /// <summary>The covariates besides the exposure, then the strata not among them.</summary>
    private static List<EvaluatedCharacteristic<T>> Covariates(AdjustedCurvesSpec<T> spec, StudyPlan<T, TX> plan, CohortFrame<T> frame,
        IReadOnlyList<EvaluatedCharacteristic<T>> characteristics, IReadOnlyList<ModelResult<TX>> models)
    {
        var model = spec.ModelId is { } id ? plan.Models.Single(m => m.Id == id) : null;
        List<EvaluatedCharacteristic<T>> covariates;
        if (model?.Screen is not null)
        {
            // A screened model's covariates are the characteristics its screen chose in this cohort.
            var chosen = models.Single(m => m.Id == model.Id).Terms.Skip(1).Where(t => t.InModel).Select(t => t.Id).ToHashSet();
            covariates = characteristics.Where(c => !c.IsExposure && chosen.Contains(c.Spec.Id)).ToList();
        }
        else
        {
            covariates = spec.Covariates.Select(c => EvaluatedCharacteristic<T>.Of(c, frame.Members)).ToList();
        }
        var strata = frame.Strata.Concat(model?.Strata.Select(s => EvaluatedCharacteristic<T>.Of(s, frame.Members)) ?? []);
        foreach (var stratum in strata)
        {
            if (covariates.All(c => c.Spec.Id != stratum.Spec.Id)) covariates.Add(stratum);
        }
        return covariates;
    }

    private static IEnumerable<Note> ModelNotes(CoxResult cox, IReadOnlyList<EvaluatedCharacteristic<T>> covariates)
    {
        string Label(string id) => covariates.FirstOrDefault(c => c.Spec.Id == id)?.Label ?? id;
        foreach (var d in cox.DroppedTerms.Where(_ => cox.Events > 0)) yield return new NotEstimated("The adjusted curves' model", Label(d.Variable), d.Level, d.Reason);
        foreach (var t in cox.Terms.Where(t => t.PossiblyInfinite)) yield return new PossiblyInfinite("the adjusted curves' model", Label(t.Variable), t.Level);
    }
}
