namespace Pnen.Dsl;

/// <summary>One step of a flowchart: how many records a reason removed, and how many remain.</summary>
public sealed record FlowStep(string Reason, int Excluded, int Remaining);

/// <summary>How many records have a level (an arm of the exposure).</summary>
public sealed record LevelCount(string Level, int Count);

/// <summary>How a subgroup was drawn from the final cohort.</summary>
public sealed record SubgroupFlow(
    string Name, string? Description, int Eligible, IReadOnlyList<FlowStep> Exclusions, int NotSelected, int Count, IReadOnlyList<LevelCount> Arms);

/// <summary>The cohort flow, as a flowchart reports it: recruited, each exclusion in order, the final
/// cohort and its arms, and the subgroups.</summary>
public sealed record FlowResult(
    string Population,
    int Recruited,
    IReadOnlyList<FlowStep> Exclusions,
    int Final,
    string ExposureLabel,
    IReadOnlyList<LevelCount> Arms,
    IReadOnlyList<SubgroupFlow> Subgroups);
