namespace Pnen.Dsl.Report;

/// <summary>
/// Registers every count a report prints, and the sums that bind them, so that
/// <see cref="CellSuppression"/> can decide what to hide: the flow (each exclusion between what
/// remained before and after, all exclusions between recruited and final, the arms within the
/// cohort), and per cohort its events by arm, each characteristic's levels and missing values,
/// Table 1's cells by level and by group, the multivariable model's complete cases, and each analysis
/// within a selection.
/// </summary>
internal sealed class DisclosureBuilder
{
    private readonly Dictionary<CountKey, int> _cells = [];
    private readonly CellSuppression _solver = new();

    public static Disclosure Build<TX>(StudyResult<TX> result, int? threshold) where TX : notnull
    {
        if (threshold is not { } t) return Disclosure.None;
        var builder = new DisclosureBuilder();
        builder.Flow(result.Flow, result.Cohort.Name);
        foreach (var cohort in new[] { result.Cohort }.Concat(result.Subgroups)) builder.Cohort(cohort);
        builder._solver.Solve(t);
        return new Disclosure(t, builder._cells, builder._solver);
    }

    private int Id(CountKey key)
    {
        if (!_cells.TryGetValue(key, out var id))
        {
            id = _solver.Cell(key.Value);
            _cells[key] = id;
        }
        return id;
    }

    private void Sum(CountKey total, IEnumerable<CountKey> parts) => _solver.Sum(Id(total), parts.Select(Id).ToArray());

    private void Flow(FlowResult flow, string final)
    {
        var recruited = CountKey.Recruited(flow.Recruited);
        var finalKey = CountKey.CohortN(final, flow.Final);
        var previous = recruited;
        var excluded = new List<CountKey>();
        for (var i = 0; i < flow.Exclusions.Count; i++)
        {
            var step = flow.Exclusions[i];
            var remaining = i == flow.Exclusions.Count - 1 ? CountKey.CohortN(final, step.Remaining) : CountKey.Remaining(i, step.Remaining);
            excluded.Add(CountKey.Excluded(i, step.Excluded));
            Sum(previous, [excluded[^1], remaining]);
            previous = remaining;
        }
        if (excluded.Count > 0)
        {
            var total = CountKey.ExcludedTotal(flow.Exclusions.Sum(e => e.Excluded));
            Sum(total, excluded);
            Sum(recruited, [total, finalKey]);
            Sum(recruited, [.. excluded, finalKey]);
        }
        else
        {
            Sum(recruited, [finalKey]);
        }
        Sum(finalKey, flow.Arms.Select(a => CountKey.Arm(final, a.Level, a.Count)));

        foreach (var s in flow.Subgroups)
        {
            var before = CountKey.CohortN(final, s.Eligible);
            for (var i = 0; i < s.Exclusions.Count; i++)
            {
                var remaining = CountKey.SubgroupRemaining(s.Name, i, s.Exclusions[i].Remaining);
                Sum(before, [CountKey.SubgroupExcluded(s.Name, i, s.Exclusions[i].Excluded), remaining]);
                before = remaining;
            }
            var count = CountKey.CohortN(s.Name, s.Count);
            Sum(before, [CountKey.NotSelected(s.Name, s.NotSelected), count]);
            Sum(count, s.Arms.Select(a => CountKey.Arm(s.Name, a.Level, a.Count)));
        }
    }

    private void Cohort<TX>(CohortResult<TX> cohort) where TX : notnull
    {
        var name = cohort.Name;
        var n = CountKey.CohortN(name, cohort.N);
        var events = CountKey.CohortEvents(name, cohort.Events);
        // Simon-Makuch curves count intervals, not patients: their sizes add up to no total.
        if (!cohort.TimeDependentExposure) Sum(n, cohort.ExposureCurves.Select(c => CountKey.Arm(name, c.Level, c.N)));
        Sum(events, cohort.ExposureCurves.Select(c => CountKey.ArmEvents(name, c.Level, c.Events)));

        foreach (var u in cohort.Characteristics)
        {
            var missing = CountKey.Missing(name, u.Label, u.Missing);
            if (u.Kind == CharacteristicKind.Continuous)
            {
                Sum(n, [CountKey.Known(name, u.Label, cohort.N - u.Missing), missing]);
                continue;
            }
            Sum(n, u.Levels.Select(l => LevelKey(name, u, l)).Append(missing));
            Sum(events, u.Levels.Select(l => LevelEventsKey(name, u, l)));
        }

        if (cohort.BaselineTable is { } table) Baseline(cohort, table);

        foreach (var model in cohort.Models)
        {
            Sum(n, [CountKey.ModelN(name, model.Id, model.N), CountKey.ModelDropped(name, model.Id, model.Dropped)]);
            // A model's events are the cohort's less those of the records it left out (never shown).
            if (model.Dropped == 0) Sum(events, [CountKey.ModelEvents(name, model.Id, model.Events)]);
            else Id(CountKey.ModelEvents(name, model.Id, model.Events));
        }
        foreach (var note in cohort.Notes.OfType<RecordsWithoutStratum>()) Id(CountKey.StrataMissing(name, note.Count));
        foreach (var note in cohort.Notes.OfType<RecordsWithoutStart>()) Id(CountKey.WithoutStart(name, note.Count));
        foreach (var note in cohort.Notes.OfType<StartsAfterFollowUp>()) Id(CountKey.StartsAfterFollowUp(name, note.Count));
        ConfoundingCounts.Register(cohort, Sum);

        foreach (var within in cohort.Within)
        {
            var withinN = CountKey.WithinN(name, within.Name, within.N);
            var withinEvents = CountKey.WithinEvents(name, within.Name, within.Events);
            foreach (var effect in within.Effects.Where(e => e.Kind == CharacteristicKind.Categorical))
            {
                Sum(withinN, effect.Levels.Select(l => CountKey.WithinLevel(name, within.Name, effect.Label, l.Level, l.N))
                    .Append(CountKey.WithinMissing(name, within.Name, effect.Label, effect.Missing)));
                Sum(withinEvents, effect.Levels.Select(l => CountKey.WithinLevelEvents(name, within.Name, effect.Label, l.Level, l.Events)));
            }
        }
    }

    private void Baseline<TX>(CohortResult<TX> cohort, Stats.Baseline.BaselineTable table) where TX : notnull
    {
        var name = cohort.Name;
        var byExposure = table.By == cohort.ExposureLabel;
        var groups = table.Groups.Select((g, i) => GroupKey(name, byExposure, g, table.GroupSizes[i])).ToArray();
        Sum(CountKey.CohortN(name, table.Total), groups);
        foreach (var row in table.Rows)
        {
            var missingByGroup = table.Groups.Select((g, i) => CountKey.BaselineMissing(name, row.Variable, g, row.MissingCounts[i])).ToArray();
            Sum(CountKey.Missing(name, row.Variable, row.Missing), missingByGroup);
            if (row.Levels is { } levels)
            {
                foreach (var level in levels)
                {
                    Sum(CountKey.Level(name, row.Variable, level.Level, level.Overall.Count),
                        table.Groups.Select((g, i) => CountKey.BaselineCell(name, row.Variable, level.Level, g, level.Counts[i])));
                }
                for (var i = 0; i < table.Groups.Length; i++)
                {
                    Sum(groups[i], levels.Select(l => CountKey.BaselineCell(name, row.Variable, l.Level, table.Groups[i], l.Counts[i])).Append(missingByGroup[i]));
                }
            }
            else if (row.Summary is { } summaries)
            {
                var known = summaries.Select(s => CountKey.BaselineKnown(name, row.Variable, s.Group, s.N)).ToArray();
                for (var i = 0; i < table.Groups.Length && i < known.Length; i++) Sum(groups[i], [known[i], missingByGroup[i]]);
                if (row.Overall is { } overall) Sum(CountKey.Known(name, row.Variable, overall.N), known);
            }
        }
    }

    /// <summary>Table 1's column sizes: the arms themselves when the table is by exposure.</summary>
    public static CountKey GroupKey(string cohort, bool byExposure, string group, int size) =>
        byExposure ? CountKey.Arm(cohort, group, size) : CountKey.BaselineGroup(cohort, group, size);

    /// <summary>A univariate level's count: the arm's, for the exposure's own row.</summary>
    public static CountKey LevelKey(string cohort, CharacteristicResult u, LevelSurvival level) =>
        u.IsExposure ? CountKey.Arm(cohort, level.Level, level.N) : CountKey.Level(cohort, u.Label, level.Level, level.N);

    public static CountKey LevelEventsKey(string cohort, CharacteristicResult u, LevelSurvival level) =>
        u.IsExposure ? CountKey.ArmEvents(cohort, level.Level, level.Events) : CountKey.LevelEvents(cohort, u.Label, level.Level, level.Events);
}
