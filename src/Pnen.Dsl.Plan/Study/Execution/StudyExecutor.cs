using Pnen.Data;

namespace Pnen.Dsl.Execution;

/// <summary>
/// Runs a plan on loaded data: counts the flow, then analyses the final cohort and every subgroup
/// with the same steps. Deterministic: records are kept in file order and subgroups, whether run
/// in parallel or not, land in plan order.
/// </summary>
internal static class StudyExecutor<T, TX> where T : ICodebook<T> where TX : notnull
{
    public static StudyResult<TX> Run(StudyPlan<T, TX> plan, CodebookData<T> data, StudyExecutionOptions options)
    {
        var outcome = Validate(plan);
        var records = data.Rows;
        CheckOutcome(outcome, data);

        // The flow: each exclusion counted among those that remain after the ones before it.
        options.Progress?.Report("cohort flow");
        var remaining = Enumerable.Range(0, records.Count).ToList();
        var steps = new List<FlowStep>();
        foreach (var exclusion in plan.Core.Exclusions)
        {
            var before = remaining.Count;
            remaining = remaining.Where(i => !exclusion.Excluded(records[i])).ToList();
            steps.Add(new FlowStep(exclusion.Reason, before - remaining.Count, remaining.Count));
        }
        var withOutcome = remaining.Where(i => HasOutcome(outcome, records[i])).ToList();
        if (withOutcome.Count < remaining.Count)
        {
            steps.Add(new FlowStep("Missing survival time or event", remaining.Count - withOutcome.Count, withOutcome.Count));
            remaining = withOutcome;
        }
        var final = remaining.Select(i => records[i]).ToArray();

        options.Progress?.Report("final cohort");
        var declaration = plan.Declaration;
        var cohort = CohortAnalysis<T, TX>.Run("Cohort", "Final cohort", final, plan, outcome, declaration);
        var subgroupFlows = new SubgroupFlow[plan.Subgroups.Count];
        var subgroups = new CohortResult<TX>[plan.Subgroups.Count];
        void Analyse(int s)
        {
            var spec = plan.Subgroups[s];
            options.Progress?.Report($"subgroup {spec.Name}");
            var eligible = final.ToList();
            var subSteps = new List<FlowStep>();
            foreach (var exclusion in spec.Exclusions)
            {
                var before = eligible.Count;
                eligible = eligible.Where(r => !exclusion.Excluded(r)).ToList();
                subSteps.Add(new FlowStep(exclusion.Reason, before - eligible.Count, eligible.Count));
            }
            var members = eligible.Where(spec.Where).ToArray();
            subgroupFlows[s] = new SubgroupFlow(spec.Name, spec.Description, final.Length, subSteps, eligible.Count - members.Length, members.Length, Arms(plan, members));
            var frame = new CohortFrame<T>([.. eligible], outcome, plan.Core.Strata);
            var rows = new ExposureRows<T>(frame, frame.Members.Select(plan.ExposureSpec.CodeOf).ToArray(), 0, 0);
            if (plan.Start is { Main: true } start)
            {
                rows = TimeDependentFrames.Split(frame, rows.Exposure, plan.ExposureSpec.Reference, start.StartsAt, plan.Core.Strata);
            }
            var interaction = SubgroupInteractionTest.Run(rows.Frame, rows.Exposure, plan.ExposureSpec.Levels, plan.ExposureSpec.Reference,
                rows.Frame.Members.Select(spec.Where).ToArray());
            subgroups[s] = CohortAnalysis<T, TX>.Run(spec.Id, spec.Name, members, plan, outcome, declaration, spec.Within, interaction);
        }
        if (options.Parallel && plan.Subgroups.Count > 1) Parallel.For(0, plan.Subgroups.Count, Analyse);
        else for (var s = 0; s < plan.Subgroups.Count; s++) Analyse(s);

        var flow = new FlowResult(plan.Core.Population, records.Count, steps, final.Length, plan.ExposureSpec.Label, Arms(plan, final), subgroupFlows);
        return new StudyResult<TX>(declaration, flow, cohort, subgroups);
    }

    private static OutcomeSpec<T> Validate(StudyPlan<T, TX> plan)
    {
        if (plan.Core.OutcomeDeclarations == 0 || plan.Core.Outcome is null)
        {
            throw new InvalidOperationException($"The study '{plan.Name}' declares no survival outcome: add .Survival(p => p.Time, p => p.Event).");
        }
        if (plan.Core.OutcomeDeclarations > 1)
        {
            throw new InvalidOperationException($"The study '{plan.Name}' declares its survival outcome {plan.Core.OutcomeDeclarations} times; declare it once.");
        }
        return plan.Core.Outcome;
    }

    /// <summary>A negative or non-finite time is a data error, reported with its row like a loader error.</summary>
    private static void CheckOutcome(OutcomeSpec<T> outcome, CodebookData<T> data)
    {
        var errors = new DataErrorCollector();
        for (var i = 0; i < data.Rows.Count; i++)
        {
            if ((outcome.DataTime ?? outcome.Time)(data.Rows[i]) is { } time && (!double.IsFinite(time) || time < 0))
            {
                errors.Add(new DataError(data.Source, i + 1, outcome.TimeLabel, time.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "a survival time must be a finite, non-negative number"));
            }
        }
        errors.ThrowIfAny();
    }

    private static bool HasOutcome(OutcomeSpec<T> outcome, T record) => outcome.Time(record) is not null && outcome.Event(record) is not null;

    private static IReadOnlyList<LevelCount> Arms(StudyPlan<T, TX> plan, IReadOnlyList<T> members)
    {
        var counts = new int[plan.ExposureSpec.Levels.Count];
        foreach (var record in members)
        {
            var code = plan.ExposureSpec.CodeOf(record);
            if (code >= 0) counts[code]++;
        }
        return plan.ExposureSpec.Levels.Select((label, i) => new LevelCount(label, counts[i])).ToArray();
    }
}
