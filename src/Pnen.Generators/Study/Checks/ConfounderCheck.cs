using System.Linq;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN034: an explicit confounder that names no characteristic (a typo in a label the model would
/// otherwise reject at run time). Checked only when every characteristic's label is known.
/// </summary>
internal static class ConfounderCheck
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        if (plan.Confounders.Count == 0 || !plan.IsComplete || plan.Characteristics.Any(c => c.Label is null)) return;
        var labels = plan.Characteristics.Select(c => c.Label!).ToList();
        var known = labels.Count == 0 ? "none" : string.Join(", ", labels.Select(l => "'" + l + "'"));
        foreach (var confounder in plan.Confounders)
        {
            if (confounder.Name is { } name && !labels.Contains(name)) problems.Report(StudyDiagnostics.UnknownConfounder, confounder.Location, name, known);
        }
    }
}
