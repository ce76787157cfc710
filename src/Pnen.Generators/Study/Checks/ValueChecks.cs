using Microsoft.CodeAnalysis;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>PNEN051, PNEN055, PNEN056: a value lambda the runtime could not turn into a variable.
/// Returns false when it reported a problem.</summary>
internal static class ValueChecks
{
    public static bool Check(VariableStep value, ProblemSink problems, bool hasName = false)
    {
        var fine = true;
        if (value.Id is null && !hasName && value.Kind != ValueKind.Unknown)
        {
            problems.Report(StudyDiagnostics.ValueNeedsName, value.Location, value.Members == 0 ? "no property" : $"{value.Members} properties");
            fine = false;
        }
        if (value.Kind == ValueKind.Other)
        {
            problems.Report(StudyDiagnostics.NotAVariable, value.Location, value.Id ?? "This value", "another type");
            fine = false;
        }
        if (value.PerUnit is not > 0)
        {
            problems.Report(StudyDiagnostics.PerUnitNotPositive, value.PerUnitLocation ?? value.Location, value.PerUnit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the value given");
            fine = false;
        }
        return fine;
    }

    /// <summary>A variable that stratifies: categorical, and not the exposure.</summary>
    public static void Strata(VariableStep strata, string what, ExposureStep? exposure, ProblemSink problems)
    {
        if (!Check(strata, problems)) return;
        if (strata.Kind == ValueKind.Continuous)
        {
            problems.Report(StudyDiagnostics.StrataNotCategorical, strata.Location, strata.Id ?? "this value", "a number");
        }
        else if (exposure?.Member is { } member && (strata.SameVariable(member) || strata.Id == member.Name))
        {
            problems.Report(StudyDiagnostics.StratifyByExposure, strata.Location, what, member.Name);
        }
    }
}
