using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN026-PNEN028, PNEN035-PNEN037, PNEN039: names that must be unique where they are used
/// (subgroups and their properties, exclusion reasons in one flow, selections, characteristic labels).
/// </summary>
internal static class NameChecks
{
    public static void Run(PlanSyntax plan, string subgroupsClass, ProblemSink problems)
    {
        foreach (var assigned in SubgroupProperties.Assign(plan.Subgroups, subgroupsClass))
        {
            if (assigned.Problem is { } problem) problems.Report(problem, assigned.Subgroup.Name.Location, assigned.Arguments);
        }

        Unique(plan.Exclusions.ConvertAll(e => e.Reason), StudyDiagnostics.DuplicateExclusion, "the cohort flow", problems);
        Unique(plan.Selections.ConvertAll(s => s.Name), StudyDiagnostics.DuplicateSelection, "the plan", problems);
        foreach (var subgroup in plan.Subgroups)
        {
            var where = subgroup.Name.Name is { } name ? $"the subgroup '{name}'" : "a subgroup";
            Unique(subgroup.Exclusions.ConvertAll(e => e.Reason), StudyDiagnostics.DuplicateExclusion, where, problems);
            Unique(subgroup.Selections.ConvertAll(s => s.Name), StudyDiagnostics.DuplicateSelection, where, problems);
        }

        CharacteristicLabels(plan, problems);
        Ids(plan.Characteristics, problems);
        foreach (var selection in plan.Selections) Ids(selection.Effects, problems);
        foreach (var subgroup in plan.Subgroups)
        {
            foreach (var selection in subgroup.Selections) Ids(selection.Effects, problems);
        }
    }

    /// <summary>PNEN050/PNEN051: each characteristic has an id of its own (its typed result property).</summary>
    private static void Ids(List<CharacteristicStep> characteristics, ProblemSink problems)
    {
        var seen = new HashSet<string>();
        foreach (var characteristic in characteristics)
        {
            if (characteristic.Variable is { } variable && !ValueChecks.Check(variable, problems, hasName: characteristic.Id is not null)) continue;
            if (characteristic.Id is { } id && !seen.Add(id)) problems.Report(StudyDiagnostics.CharacteristicIdCollision, characteristic.Location, id);
        }
    }

    private static void Unique(List<NamedStep> steps, DiagnosticDescriptor descriptor, string where, ProblemSink problems)
    {
        var seen = new HashSet<string>();
        foreach (var step in steps)
        {
            if (step.Name is { } name && !seen.Add(name)) problems.Report(descriptor, step.Location, name, where);
        }
    }

    /// <summary>As the runtime's Add: a label is used once, and the exposure's label only by the exposure itself.</summary>
    private static void CharacteristicLabels(PlanSyntax plan, ProblemSink problems)
    {
        var seen = new HashSet<string>();
        var exposure = plan.Exposure;
        foreach (var characteristic in plan.Characteristics)
        {
            if (characteristic.Label is not { } label) continue;
            var isExposure = exposure?.Member is not null && !characteristic.IsDerived
                && SymbolEqualityComparer.Default.Equals(characteristic.Member, exposure.Member);
            if (!seen.Add(label) || (label == exposure?.Label && !isExposure))
            {
                problems.Report(StudyDiagnostics.DuplicateCharacteristic, characteristic.Location, label);
            }
        }
    }
}
