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

        // A time-dependent exposure: its curves (Simon-Makuch), test (Mantel-Byar) and models use each
        // patient's intervals, in the reference level until the exposure starts.
        var timeDependent = plan.Start is { } start
            ? TimeDependentFrames.Split(frame, exposureRow.Codes!, exposure.Reference, start.StartsAt, plan.Core.Strata)
            : null;
        var main = plan.Start is { Main: true } ? timeDependent! : new ExposureRows<T>(frame, exposureRow.Codes!, 0, 0);
        var exposureMain = exposureRow with { Codes = main.Exposure };
        var curves = KaplanMeier.FitGroups(main.Frame.Data(main.Frame.All), main.Exposure, exposure.Levels);
        var exposureTest = StratifiedLogRank.Test(main.Frame, main.Exposure, exposure.Levels, main.Frame.All);
        if (exposureTest.PValue is null) notes.AddRange(exposureTest.Warnings.Select(w => new AnalysisMessage($"The log-rank test of {exposure.Label}", w)));

        var characteristics = plan.Characteristics
            .Select(c => plan.IsExposure(c) ? exposureRow with { Spec = c } : EvaluatedCharacteristic<T>.Of(c, members))
            .ToArray();
        var baseline = plan.Baseline is { } table ? Baseline<T>.Build(table, members, characteristics) : null;

        IReadOnlyList<CharacteristicResult> univariate = [];
        if (plan.UnivariateAnalysis)
        {
            // The exposure's row sits where the plan lists the exposure as a characteristic, else first.
            var rows = characteristics.Select(c => c.IsExposure
                ? Univariate<T>.Analyse(exposureMain with { Spec = c.Spec }, main.Frame, main.Frame.All)
                : Univariate<T>.Analyse(c, frame, frame.All)).ToList();
            if (!characteristics.Any(c => c.IsExposure)) rows.Insert(0, Univariate<T>.Analyse(exposureMain, main.Frame, main.Frame.All));
            univariate = rows;
            notes.AddRange(rows.Where(r => r.Note is not null && !r.IsExposure).Select(r => r.Note!));
        }

        ModelSet<TX> Fit(ExposureRows<T> rows)
        {
            var evaluated = ReferenceEquals(rows.Frame, frame) ? characteristics : plan.Characteristics
                .Select(c => plan.IsExposure(c) ? exposureRow with { Spec = c, Codes = rows.Exposure } : EvaluatedCharacteristic<T>.Of(c, rows.Frame.Members)).ToArray();
            return new ModelSet<TX>(plan.Models
                .Select((spec, m) => ModelFit<T, TX>.Fit(spec, declaration.Models[m], rows.Frame, exposureRow with { Codes = rows.Exposure }, evaluated, univariate, exposure.CodeOfLevel))
                .ToArray());
        }
        var models = Fit(main);
        notes.AddRange(models.SelectMany(m => m.Notes));
        var immortal = plan.Start is { } check ? ImmortalTime(plan, check, frame, exposureRow, timeDependent!, models, Fit, notes) : null;

        var within = plan.Within.AddRange(subgroupWithin ?? []).Select(w => WithinAnalysis<T>.Run(w, frame, outcome, plan.Core.Strata)).ToArray();
        var weighting = plan.WeightingSpec is { } w ? WeightingAnalysis<T, TX>.Run(w, declaration.Weighting!, frame, exposureRow, exposure.CodeOfLevel) : null;
        var adjusted = plan.CurvesSpec is { } c ? AdjustedCurvesAnalysis<T, TX>.Run(c, declaration.AdjustedCurves!, plan, frame, exposureRow, characteristics, models) : null;

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
            TimeDependentExposure = plan.Start is { Main: true },
            ImmortalTime = immortal,
            SurvivalAt = plan.SurvivalTimes.IsEmpty ? null : new SurvivalAtResult<TX>(plan.SurvivalTimes, FixedTimeAnalysis.Survival(curves, plan.SurvivalTimes), exposure.CodeOfLevel),
            RestrictedMean = plan.RestrictedMeanTau is { } tau ? new RestrictedMeanResult<TX>(tau, FixedTimeAnalysis.RestrictedMeans(curves, exposure.Reference, tau), exposure.CodeOfLevel) : null,
            Within = within,
            Weighting = weighting,
            AdjustedCurves = adjusted,
            Interaction = interaction,
            Notes = notes,
        };
    }

    /// <summary>The immortal-time check: the models naive, time-dependent and at each landmark, with the
    /// Simon-Makuch curves and the Mantel-Byar test (the main analyses are one of the first two).</summary>
    private static ImmortalTimeResult<TX> ImmortalTime(StudyPlan<T, TX> plan, ExposureStartSpec<T> start, CohortFrame<T> frame, EvaluatedCharacteristic<T> exposureRow,
        ExposureRows<T> timeDependent, ModelSet<TX> models, Func<ExposureRows<T>, ModelSet<TX>> fit, List<Note> notes)
    {
        var exposure = plan.ExposureSpec;
        var naive = start.Main ? fit(new ExposureRows<T>(frame, exposureRow.Codes!, 0, 0)) : models;
        var dependent = start.Main ? models : fit(timeDependent);
        var landmarks = plan.Landmarks.Select(time =>
        {
            var rows = TimeDependentFrames.Landmark(frame, exposureRow.Codes!, exposure.Reference, start.StartsAt, time, plan.Core.Strata);
            var arms = exposure.Levels.Select((level, code) => new LevelCount(level, rows.Exposure.Count(c => c == code))).ToArray();
            return new LandmarkResult<TX>(time, rows.Frame.N, rows.Frame.Died.Count(d => d), arms, fit(rows));
        }).ToArray();
        if (timeDependent.LeftOut > 0) notes.Add(new RecordsWithoutStart(start.Label, timeDependent.LeftOut, frame.N - timeDependent.LeftOut));
        if (timeDependent.StartsAfterFollowUp > 0) notes.Add(new StartsAfterFollowUp(start.Label, timeDependent.StartsAfterFollowUp));
        return new ImmortalTimeResult<TX>(naive, dependent, landmarks)
        {
            StartsAt = start.Label,
            TimeDependentMain = start.Main,
            SimonMakuch = KaplanMeier.FitGroups(timeDependent.Frame.Data(timeDependent.Frame.All), timeDependent.Exposure, exposure.Levels),
            MantelByar = StratifiedLogRank.Test(timeDependent.Frame, timeDependent.Exposure, exposure.Levels, timeDependent.Frame.All),
            LeftOut = timeDependent.LeftOut,
            StartsAfterFollowUp = timeDependent.StartsAfterFollowUp,
        };
    }

    /// <summary>A label as it reads mid-sentence ("Centre" → "centre"; "HM diameter" keeps its case).</summary>
    private static string Prose(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
