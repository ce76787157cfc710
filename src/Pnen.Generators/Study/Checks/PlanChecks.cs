using System.Threading;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>Every check of a read plan, in the order a reader meets the mistakes.</summary>
internal static class PlanChecks
{
    public static void Run(string studyName, string subgroupsClass, PlanSyntax plan, ProblemSink problems, CancellationToken cancellationToken)
    {
        ReadabilityCheck.Run(plan, problems);
        OutcomeCheck.Run(studyName, plan, problems);
        CategoricalCheck.Run(plan, problems);
        NameChecks.Run(plan, subgroupsClass, problems);
        ReferenceCheck.Run(plan, problems, cancellationToken);
        CutRangeCheck.Run(plan, problems);
        ModelChecks.Run(plan, problems);
        FittingChecks.Run(plan, problems);
        TimeChecks.Run(plan, problems);
        ConfoundingChecks.Run(plan, problems);
        foreach (var (location, what, why) in NonDeterminism.Find(plan.Scope, plan.SemanticModel, cancellationToken))
        {
            problems.Report(Diagnostics.StudyDiagnostics.NonDeterministicCall, location, what, why);
        }
    }
}
