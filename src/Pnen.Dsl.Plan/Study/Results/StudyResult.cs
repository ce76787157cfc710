namespace Pnen.Dsl;

/// <summary>The outcome of running a plan: the plan as declared, the flow, the final cohort's analyses and each subgroup's.</summary>
public sealed class StudyResult<TX> where TX : notnull
{
    internal StudyResult(PlanDeclaration declaration, FlowResult flow, CohortResult<TX> cohort, IReadOnlyList<CohortResult<TX>> subgroups)
    {
        Declaration = declaration;
        Flow = flow;
        Cohort = cohort;
        Subgroups = subgroups;
    }

    public string Name => Declaration.Name;

    /// <summary>What the plan declared, as plain data, for the report's methods and footnotes.</summary>
    public PlanDeclaration Declaration { get; }

    public FlowResult Flow { get; }

    public CohortResult<TX> Cohort { get; }

    /// <summary>Each subgroup's analyses, in plan order.</summary>
    public IReadOnlyList<CohortResult<TX>> Subgroups { get; }

    /// <summary>A subgroup by its stable id (its generated property name), for generated code.</summary>
    public CohortResult<TX> Subgroup(string id) => Subgroups.FirstOrDefault(s => s.Id == id)
        ?? throw new InvalidOperationException($"The study has no subgroup with id '{id}': the generated code and the plan disagree, which is a bug in Pnen.");
}
