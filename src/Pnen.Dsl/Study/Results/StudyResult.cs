namespace Pnen.Dsl;

/// <summary>The outcome of running a plan: the flow, the final cohort's analyses and each subgroup's.</summary>
public sealed class StudyResult<TX> where TX : notnull
{
    internal StudyResult(string name, StudySummary summary, FlowResult flow, CohortResult<TX> cohort, IReadOnlyList<CohortResult<TX>> subgroups)
    {
        Name = name;
        Summary = summary;
        Flow = flow;
        Cohort = cohort;
        Subgroups = subgroups;
    }

    public string Name { get; }

    /// <summary>What the plan declared, in words, for the report's methods and footnotes.</summary>
    public StudySummary Summary { get; }

    public FlowResult Flow { get; }

    public CohortResult<TX> Cohort { get; }

    public IReadOnlyList<CohortResult<TX>> Subgroups { get; }

    public CohortResult<TX> Subgroup(string name) =>
        Subgroups.SingleOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"The study has no subgroup '{name}'.");
}

/// <summary>The plan in words: outcome, exposure, tests and model choices.</summary>
public sealed record StudySummary(
    string OutcomeLabel,
    string EventLabel,
    string? TimeUnit,
    string ExposureLabel,
    IReadOnlyList<string> ExposureLevels,
    string ExposureReference,
    string? BaselineTests,
    string? Screening,
    string? Ties,
    IReadOnlyList<string> Characteristics);
