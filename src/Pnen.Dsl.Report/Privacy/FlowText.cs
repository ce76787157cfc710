namespace Pnen.Dsl.Report;

/// <summary>The counts of the cohort flow as the flow table and the flow diagram print them: the
/// same text in both, hidden where the report suppresses small cells.</summary>
internal sealed class FlowText(FlowResult flow, string finalCohort, Disclosure disclosure)
{
    public Disclosure Disclosure { get; } = disclosure;

    /// <summary>Whether the flow hides any of its counts (its caption then explains the marker).</summary>
    public bool AnyHidden => Disclosure.Active && All().Contains(Disclosure.Marker);

    public string Recruited => Disclosure.Text(CountKey.Recruited(flow.Recruited));

    public string Final => Disclosure.Text(CountKey.CohortN(finalCohort, flow.Final));

    public string ExcludedTotal => Disclosure.Text(CountKey.ExcludedTotal(flow.Exclusions.Sum(e => e.Excluded)));

    public string Excluded(int step) => Disclosure.Text(CountKey.Excluded(step, flow.Exclusions[step].Excluded));

    /// <summary>What remains after a step; after the last one, the final cohort.</summary>
    public string Remaining(int step) => step == flow.Exclusions.Count - 1
        ? Final
        : Disclosure.Text(CountKey.Remaining(step, flow.Exclusions[step].Remaining));

    /// <summary>An arm of the final cohort (<paramref name="subgroup"/> null) or of a subgroup.</summary>
    public string Arm(SubgroupFlow? subgroup, LevelCount arm) => Disclosure.Text(CountKey.Arm(subgroup?.Name ?? finalCohort, arm.Level, arm.Count));

    public string Count(SubgroupFlow subgroup) => Disclosure.Text(CountKey.CohortN(subgroup.Name, subgroup.Count));

    public string Excluded(SubgroupFlow subgroup, int step) => Disclosure.Text(CountKey.SubgroupExcluded(subgroup.Name, step, subgroup.Exclusions[step].Excluded));

    public string Remaining(SubgroupFlow subgroup, int step) => Disclosure.Text(CountKey.SubgroupRemaining(subgroup.Name, step, subgroup.Exclusions[step].Remaining));

    public string NotSelected(SubgroupFlow subgroup) => Disclosure.Text(CountKey.NotSelected(subgroup.Name, subgroup.NotSelected));

    private IEnumerable<string> All()
    {
        yield return Recruited;
        yield return Final;
        if (flow.Exclusions.Count > 0) yield return ExcludedTotal;
        for (var i = 0; i < flow.Exclusions.Count; i++)
        {
            yield return Excluded(i);
            yield return Remaining(i);
        }
        foreach (var arm in flow.Arms) yield return Arm(null, arm);
        foreach (var s in flow.Subgroups)
        {
            yield return Count(s);
            yield return NotSelected(s);
            for (var i = 0; i < s.Exclusions.Count; i++)
            {
                yield return Excluded(s, i);
                yield return Remaining(s, i);
            }
            foreach (var arm in s.Arms) yield return Arm(s, arm);
        }
    }
}
