using System.Collections.Immutable;
using Pnen.Stats.Survival;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The analyses of one cohort: survival overall and by exposure, the baseline table, the univariate
/// analysis of every characteristic, every model, survival at fixed times, restricted means and the
/// analyses within selections. A characteristic that is constant in the cohort is not tested and not
/// modelled, with a note saying so.
/// </summary>
internal static class CohortAnalysis<T, TX> where T : ICodebook<T> where TX : notnull
{
    public static CohortResult<TX> Run(string id, string name, T[] members, StudyPlan<T, TX> plan, OutcomeSpec<T> outcome, PlanDeclaration declaration,
        ImmutableList<WithinSpec<T>>? subgroupWithin = null, SubgroupInteraction? interaction = null)
    {
        var frame = new CohortFrame<T>(members, outcome, plan.Core.Strata);
        var exposure = plan.ExposureSpec;
        var notes = new List<Note>();
        if (frame.Strata.Length > 0 && frame.StrataKnown(frame.All).Length is var known && known < frame.N)
        {
            notes.Add(new RecordsWithoutStratum(frame.Strata.Select(s => Prose(s.Label)).ToArray(), frame.N - known, known));
        }

        var exposureRow = EvaluatedCharacteristic<T>.Of(exposure.Variable, members, isExposure: true);
        var overall = KaplanMeier.Fit(frame.Time, frame.Died);
        var followUp = KaplanMeier.Fit(frame.Time, frame.Died.Select(d => !d).ToArray()).Median.Time;
        var curves = KaplanMeier.FitGroups(frame.Time, frame.Died, exposureRow.Codes!, exposure.Levels);
        var exposureTest = StratifiedLogRank.Test(frame, exposureRow.Codes!, exposure.Levels, frame.All);
        if (exposureTest.PValue is null) notes.AddRange(exposureTest.Warnings.Select(w => new AnalysisMessage($"The log-rank test of {exposure.Label}", w)));

        var characteristics = plan.Characteristics
            .Select(c => plan.IsExposure(c) ? exposureRow with { Spec = c } : EvaluatedCharacteristic<T>.Of(c, members))
            .ToArray();
        var baseline = plan.Baseline is { } table ? Baseline<T>.Build(table, members, characteristics) : null;

        IReadOnlyList<CharacteristicResult> univariate = [];
        if (plan.UnivariateAnalysis)
        {
            // The exposure's row sits where the plan lists the exposure as a characteristic, else first.
            var rows = characteristics.Select(c => Univariate<T>.Analyse(c, frame, frame.All)).ToList();
            if (!characteristics.Any(c => c.IsExposure)) rows.Insert(0, Univariate<T>.Analyse(exposureRow, frame, frame.All));
            univariate = rows;
            notes.AddRange(rows.Where(r => r.Note is not null && !r.IsExposure).Select(r => r.Note!));
        }

        var models = plan.Models
            .Select((spec, m) => ModelFit<T, TX>.Fit(spec, declaration.Models[m], frame, exposureRow, characteristics, univariate, exposure.CodeOfLevel))
            .ToArray();
        notes.AddRange(models.SelectMany(m => m.Notes));

        var within = plan.Within.AddRange(subgroupWithin ?? []).Select(w => WithinAnalysis<T>.Run(w, frame, outcome, plan.Core.Strata)).ToArray();

        return new CohortResult<TX>(id, name, exposure.CodeOfLevel)
        {
            N = members.Length,
            Events = frame.Died.Count(d => d),
            MedianFollowUp = followUp,
            Overall = overall,
            ExposureLabel = exposure.Label,
            ExposureCurves = curves,
            ExposureLogRank = exposureTest,
            BaselineTable = baseline,
            Characteristics = univariate,
            Models = models,
            SurvivalAt = plan.SurvivalTimes.IsEmpty ? null : new SurvivalAtResult<TX>(plan.SurvivalTimes, FixedTimeAnalysis.Survival(curves, plan.SurvivalTimes), exposure.CodeOfLevel),
            RestrictedMean = plan.RestrictedMeanTau is { } tau ? new RestrictedMeanResult<TX>(tau, FixedTimeAnalysis.RestrictedMeans(curves, exposure.Reference, tau), exposure.CodeOfLevel) : null,
            Within = within,
            Interaction = interaction,
            Notes = notes,
        };
    }

    /// <summary>A label as it reads mid-sentence ("Centre" → "centre"; "HM diameter" keeps its case).</summary>
    private static string Prose(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
