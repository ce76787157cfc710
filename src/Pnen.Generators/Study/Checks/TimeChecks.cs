using System.Collections.Generic;
using System.Globalization;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>PNEN052: the times of .SurvivalAt and the horizon of .RestrictedMean are positive constants,
/// each named once.</summary>
internal static class TimeChecks
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        var seen = new HashSet<double>();
        foreach (var time in plan.SurvivalTimes)
        {
            if (time.Value is not > 0 || double.IsInfinity(time.Value.Value) || !seen.Add(time.Value.Value))
            {
                problems.Report(StudyDiagnostics.InvalidTime, time.Location, ".SurvivalAt", Text(time));
            }
        }
        if (plan.RestrictedMean is { } tau && (tau.Value is not > 0 || double.IsInfinity(tau.Value.Value)))
        {
            problems.Report(StudyDiagnostics.InvalidTime, tau.Location, ".RestrictedMean", Text(tau));
        }
    }

    private static string Text(TimeStep time) => time.Value?.ToString(CultureInfo.InvariantCulture) ?? "the value given";
}
