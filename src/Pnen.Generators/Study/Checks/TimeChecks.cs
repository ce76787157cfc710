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
        ExposureStarts(plan, problems);
    }

    /// <summary>PNEN080-PNEN082: the exposure's start, its landmarks, and what a time-dependent exposure cannot have.</summary>
    private static void ExposureStarts(PlanSyntax plan, ProblemSink problems)
    {
        for (var i = 1; i < plan.ExposureStarts.Count; i++) problems.Report(StudyDiagnostics.StartDeclaredTwice, plan.ExposureStarts[i].Location);
        if (plan.RestrictedMean is { } tau && plan.ExposureStarts.Count > 0 && plan.ExposureStarts[0].Main)
        {
            problems.Report(StudyDiagnostics.RestrictedMeanOfTimeDependentExposure, tau.Location);
        }
        var landmarks = new HashSet<double>();
        foreach (var (location, afterStart, times) in plan.Landmarks)
        {
            if (!afterStart) problems.Report(StudyDiagnostics.LandmarkWithoutStart, location);
            foreach (var time in times)
            {
                if (time.Value is not > 0 || double.IsInfinity(time.Value.Value) || !landmarks.Add(time.Value.Value))
                {
                    problems.Report(StudyDiagnostics.InvalidTime, time.Location, ".Landmark", Text(time));
                }
            }
        }
    }

    private static string Text(TimeStep time) => time.Value?.ToString(CultureInfo.InvariantCulture) ?? "the value given";
}
