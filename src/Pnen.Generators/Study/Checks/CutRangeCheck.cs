using System.Globalization;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN030: a cut whose threshold leaves one level empty by the codebook's own [Range(min, max)]:
/// below the minimum or above the maximum, or Below(min) / AtMost(max), whose lower / upper level
/// can hold no value.
/// </summary>
internal static class CutRangeCheck
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        foreach (var cut in plan.Cuts)
        {
            var range = DslSymbols.Attribute(cut.Member, "RangeAttribute");
            if (range is not { ConstructorArguments.Length: 2 }
                || range.ConstructorArguments[0].Value is not double min
                || range.ConstructorArguments[1].Value is not double max)
            {
                continue;
            }
            var t = cut.Threshold;
            var lowerEmpty = t < min || (t == min && !cut.ThresholdInLowerLevel);
            var upperEmpty = t > max || (t == max && cut.ThresholdInLowerLevel);
            if (!lowerEmpty && !upperEmpty) continue;
            var level = lowerEmpty ? cut.Lower ?? "lower" : cut.Upper ?? "upper";
            problems.Report(StudyDiagnostics.CutOutsideRange, cut.ThresholdLocation, cut.Member.Name, Number(t), level, Number(min), Number(max));
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
