using System.Linq;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN057-PNEN060: how a model is fitted, checked as the runtime's ModelRules would reject it. Firth's
/// method (<c>.Firth()</c>) is coxphf's: Breslow ties (PNEN057), no strata, the plan's or the model's
/// (PNEN058), and no spline, interaction or cluster, whose tests and variance are the ordinary fit's
/// (PNEN059), nor the (start, stop] rows of a time-dependent exposure (PNEN059); a cluster
/// (<c>.Cluster(...)</c>) is a categorical variable, once per model (PNEN060).
/// </summary>
internal static class FittingChecks
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        foreach (var model in plan.Models)
        {
            var name = model.Name.Name ?? "(unnamed)";
            Clusters(model, name, problems);
            if (model.Firth is not { } firth) continue;
            if (model.Ties is ("Efron", var ties)) problems.Report(StudyDiagnostics.FirthTies, ties, name);
            if (model.Strata.Count > 0) problems.Report(StudyDiagnostics.FirthStrata, model.Strata[0].Location, name, model.Strata[0].Id ?? "a variable");
            else if (plan.Strata.Count > 0) problems.Report(StudyDiagnostics.FirthStrata, firth, name, "the plan's " + (plan.Strata[0].Id ?? "stratification"));
            foreach (var term in model.Terms)
            {
                if (term.IsSpline) problems.Report(StudyDiagnostics.FirthTerm, term.Variable.Location, name, "a spline (its test is a likelihood-ratio test of the ordinary fit)");
            }
            foreach (var interaction in model.Interactions)
            {
                problems.Report(StudyDiagnostics.FirthTerm, interaction.Location, name, "an interaction (its test is a likelihood-ratio test of the ordinary fit)");
            }
            foreach (var (_, call) in model.Clusters)
            {
                problems.Report(StudyDiagnostics.FirthTerm, call, name, "a cluster (coxphf has no robust variance)");
            }
            if (plan.ExposureStarts.Any(s => s.Main))
            {
                problems.Report(StudyDiagnostics.FirthTerm, firth, name, "the (start, stop] rows of a time-dependent exposure (startsAt:); coxphf takes right-censored rows");
            }
        }
    }

    private static void Clusters(ModelStep model, string name, ProblemSink problems)
    {
        for (var i = 0; i < model.Clusters.Count; i++)
        {
            var (variable, call) = model.Clusters[i];
            if (i > 0)
            {
                problems.Report(StudyDiagnostics.InvalidCluster, call, variable.Id ?? "This value", name, "the model has a cluster already (one per model)");
                continue;
            }
            if (!ValueChecks.Check(variable, problems)) continue;
            if (variable.Kind == ValueKind.Continuous)
            {
                problems.Report(StudyDiagnostics.InvalidCluster, variable.Location, variable.Id ?? "This value", name, "it is a number; a cluster is the levels of a categorical variable (an enum, a bool or a cut)");
            }
        }
    }
}
