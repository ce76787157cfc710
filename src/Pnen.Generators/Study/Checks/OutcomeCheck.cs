using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>PNEN032/PNEN033: one survival outcome, no more, no less.</summary>
internal static class OutcomeCheck
{
    public static void Run(string studyName, PlanSyntax plan, ProblemSink problems)
    {
        for (var i = 1; i < plan.Outcomes.Count; i++) problems.Report(StudyDiagnostics.SecondOutcome, plan.Outcomes[i]);
        // A step the reader cannot follow might declare it.
        if (plan.Outcomes.Count == 0 && plan.IsComplete) problems.Report(StudyDiagnostics.NoOutcome, plan.PlanLocation, studyName);
    }
}
