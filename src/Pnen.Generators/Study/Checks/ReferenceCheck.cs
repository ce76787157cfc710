using System.Threading;
using Microsoft.CodeAnalysis;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN029: a reference level that the plan's own steps remove. The exposure's reference must
/// survive the cohort flow, each subgroup's exclusions and each subgroup's selection (its models
/// compare with it); a categorical characteristic's reference must survive the cohort flow (in a
/// subgroup, a characteristic left constant is dropped with a note, by design).
/// </summary>
internal static class ReferenceCheck
{
    public static void Run(PlanSyntax plan, ProblemSink problems, CancellationToken cancellationToken)
    {
        var logic = new LevelLogic(plan.SemanticModel, cancellationToken);
        if (plan.Exposure?.Reference is { } exposure)
        {
            var removedBy = Removed(plan, exposure, logic, withSubgroups: true);
            if (removedBy is not null) problems.Report(StudyDiagnostics.ReferenceExcluded, exposure.Location, exposure.Level.Display, "the exposure", removedBy);
        }
        foreach (var characteristic in plan.Characteristics)
        {
            if (characteristic.Reference is not { } reference) continue;
            // The exposure listed among the characteristics is the exposure's row, with its reference.
            if (SymbolEqualityComparer.Default.Equals(reference.Member, plan.Exposure?.Member)) continue;
            var removedBy = Removed(plan, reference, logic, withSubgroups: false);
            if (removedBy is not null)
            {
                var what = $"the characteristic '{characteristic.Label ?? reference.Member.Name}'";
                problems.Report(StudyDiagnostics.ReferenceExcluded, reference.Location, reference.Level.Display, what, removedBy);
            }
        }
    }

    /// <summary>The first step that removes every record at the reference level, in words; null if none surely does.</summary>
    private static string? Removed(PlanSyntax plan, LevelReference reference, LevelLogic logic, bool withSubgroups)
    {
        foreach (var exclusion in plan.Exclusions)
        {
            if (Excludes(exclusion, reference, logic)) return $"the exclusion '{exclusion.Reason.Name ?? "?"}'";
        }
        if (!withSubgroups) return null;
        foreach (var subgroup in plan.Subgroups)
        {
            var name = subgroup.Name.Name ?? "?";
            foreach (var exclusion in subgroup.Exclusions)
            {
                if (Excludes(exclusion, reference, logic)) return $"the exclusion '{exclusion.Reason.Name ?? "?"}' of the subgroup '{name}'";
            }
            if (subgroup.Where is { } where && logic.Evaluate(where, reference.Member, reference.Level) == Truth.False)
            {
                return $"the selection of the subgroup '{name}'";
            }
        }
        return null;
    }

    private static bool Excludes(ExclusionStep exclusion, LevelReference reference, LevelLogic logic) =>
        exclusion.Excluded is { } excluded && logic.Evaluate(excluded, reference.Member, reference.Level) == Truth.True;
}
