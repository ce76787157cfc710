using System.Collections.Immutable;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The analyses of one cohort: survival overall and by exposure, the univariate analysis of every
/// characteristic, the multivariable model and the analyses within selections. A characteristic
/// that is constant in the cohort is not tested and not modelled, with a note saying so.
/// </summary>
internal static class CohortAnalysis<T, TX> where T : ICodebook<T> where TX : notnull
{
    public static CohortResult<TX> Run(string name, T[] members, StudyPlan<T, TX> plan, OutcomeSpec<T> outcome, ImmutableList<WithinSpec<T>>? subgroupWithin = null)
    {
        var time = members.Select(r => outcome.Time(r)!.Value).ToArray();
        var died = members.Select(r => outcome.Event(r)!.Value).ToArray();
        var exposure = plan.ExposureSpec;
        var exposureCodes = members.Select(exposure.CodeOf).ToArray();
        var notes = new List<string>();

        var overall = KaplanMeier.Fit(time, died);
        var censored = died.Select(d => !d).ToArray();
        var followUp = KaplanMeier.Fit(time, censored).Median.Time;
        var curves = KaplanMeier.FitGroups(time, died, exposureCodes, exposure.Levels.Labels);
        var exposureTest = LogRank.Test(time, died, exposureCodes, exposure.Levels.Labels);

        var characteristics = plan.Characteristics.Select(c => EvaluatedCharacteristic<T>.Of(c, members)).ToArray();
        var exposureRow = new EvaluatedCharacteristic<T>(new CharacteristicSpec<T>
        {
            Label = exposure.Label,
            Kind = CharacteristicKind.Categorical,
            Levels = exposure.Levels.Labels,
            Reference = exposure.Reference,
            Code = exposure.CodeOf,
            Source = exposure.Source,
        }, exposureCodes, null, IsExposure: true);

        var baseline = plan.Baseline is { } table ? Baseline<T, TX>.Build(table, members, characteristics, exposure) : null;

        IReadOnlyList<UnivariateResult> univariate = [];
        if (plan.UnivariateAnalysis)
        {
            // The exposure's row sits where the plan lists the exposure as a characteristic, else first.
            var rows = new List<UnivariateResult>();
            var placed = false;
            foreach (var c in characteristics)
            {
                if (IsExposure(c.Spec, exposure))
                {
                    rows.Add(Univariate<T>.Analyse(exposureRow, time, died));
                    placed = true;
                }
                else
                {
                    rows.Add(Univariate<T>.Analyse(c, time, died));
                }
            }
            if (!placed) rows.Insert(0, Univariate<T>.Analyse(exposureRow, time, died));
            univariate = rows;
            notes.AddRange(rows.Where(r => r.Note is not null && !r.IsExposure).Select(r => $"{r.Characteristic}: {r.Note}"));
        }

        MultivariableResult<TX>? multivariable = null;
        if (plan.MultivariableModel is { } spec)
        {
            var candidates = characteristics.Where(c => !IsExposure(c.Spec, exposure)).ToArray();
            multivariable = Multivariable<T, TX>.Fit(spec, exposure, exposureRow, candidates, univariate, time, died);
            notes.AddRange(multivariable.Notes);
        }

        var within = plan.Within.AddRange(subgroupWithin ?? []).Select(w => WithinAnalysis<T>.Run(w, members, time, died)).ToArray();

        return new CohortResult<TX>(name, exposure.Levels.CodeOf)
        {
            N = members.Length,
            Events = died.Count(d => d),
            MedianFollowUp = followUp,
            Overall = overall,
            ExposureLabel = exposure.Label,
            ExposureCurves = curves,
            ExposureLogRank = exposureTest,
            BaselineTable = baseline,
            Univariate = univariate,
            MultivariableOrNull = multivariable,
            Within = within,
            Notes = notes,
        };
    }

    private static bool IsExposure(CharacteristicSpec<T> spec, ExposureSpec<T, TX> exposure) =>
        exposure.Source is not null && ReferenceEquals(spec.Source, exposure.Source) && spec.Derivation is null;
}
