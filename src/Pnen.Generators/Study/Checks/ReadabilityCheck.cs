using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>PNEN038: a step the reader could not follow, so the plan is known only in part.</summary>
internal static class ReadabilityCheck
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        foreach (var (location, what) in plan.Unreadable) problems.Report(StudyDiagnostics.PlanNotReadable, location, what);
    }
}
