using System.Collections.Generic;
using System.Linq;
using Pnen.Generators.Codebook.Parsing;
using Pnen.Generators.Diagnostics;
using Pnen.Generators.Study.Parsing;
using Pnen.Shared;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// PNEN040-PNEN049, PNEN053, PNEN054: the plan's models and strata, checked as the runtime's Model and
/// Stratify steps would reject them, so that a plan that compiles does not stop when it runs.
/// </summary>
internal static class ModelChecks
{
    public static void Run(PlanSyntax plan, ProblemSink problems)
    {
        foreach (var location in plan.ModelsBeforeExposure) problems.Report(StudyDiagnostics.ModelWithoutExposure, location);
        foreach (var strata in plan.Strata) ValueChecks.Strata(strata, "The plan", plan.Exposure, problems);

        var names = new HashSet<string>();
        var properties = new Dictionary<string, string>();
        foreach (var model in plan.Models)
        {
            Name(model, names, properties, problems);
            var name = model.Name.Name ?? "(unnamed)";
            if (model.Screen is { } screen)
            {
                if (model.Terms.Count > 0 || model.Interactions.Count > 0) problems.Report(StudyDiagnostics.ScreenAndAdjust, screen, name);
                else problems.Report(StudyDiagnostics.ScreenedModel, screen, name);
            }
            var held = Terms(model, name, plan.Exposure, problems);
            foreach (var strata in model.Strata) ValueChecks.Strata(strata, $"The model '{name}'", plan.Exposure, problems);
            Interactions(model, name, held, problems);
        }
    }

    private static void Name(ModelStep model, HashSet<string> names, Dictionary<string, string> properties, ProblemSink problems)
    {
        if (model.Name.Name is not { } name)
        {
            problems.Report(StudyDiagnostics.ModelName, model.Name.Location, "is not a constant");
            return;
        }
        if (!names.Add(name))
        {
            problems.Report(StudyDiagnostics.DuplicateModel, model.Name.Location, name);
            return;
        }
        var property = PlanNames.Property(name);
        if (property.Length == 0) problems.Report(StudyDiagnostics.ModelName, model.Name.Location, $"'{name}' has no letter or digit");
        else if (properties.TryGetValue(property, out var other)) problems.Report(StudyDiagnostics.ModelName, model.Name.Location, $"'{name}' makes the property {property}, as '{other}' does");
        else properties.Add(property, name);
    }

    /// <summary>Checks each term; returns the ids an interaction may use (the exposure, adjusted variables).</summary>
    private static HashSet<string> Terms(ModelStep model, string name, ExposureStep? exposure, ProblemSink problems)
    {
        var held = new HashSet<string>();
        if (exposure?.Member is { } exposureMember) held.Add(exposureMember.Name);
        var ids = new HashSet<string>();
        foreach (var term in model.Terms)
        {
            var variable = term.Variable;
            if (term.IsSpline && term.Df is not (>= 2 and <= 10))
            {
                problems.Report(StudyDiagnostics.SplineDf, term.DfLocation ?? variable.Location, term.Df?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the value given");
            }
            if (!ValueChecks.Check(variable, problems)) continue;
            if (exposure?.Member is { } member && (variable.SameVariable(member) || variable.Id == member.Name))
            {
                problems.Report(StudyDiagnostics.AdjustForExposure, variable.Location, name, member.Name);
                continue;
            }
            if (variable.Id is { } id)
            {
                if (!ids.Add(id)) problems.Report(StudyDiagnostics.DuplicateModelTerm, variable.Location, id, name);
                else if (!term.IsSpline) held.Add(id);
            }
        }
        return held;
    }

    private static void Interactions(ModelStep model, string name, HashSet<string> held, ProblemSink problems)
    {
        var pairs = new HashSet<string>();
        foreach (var interaction in model.Interactions)
        {
            var (a, b) = (interaction.First.Id, interaction.Second.Id);
            if (!ValueChecks.Check(interaction.First, problems) | !ValueChecks.Check(interaction.Second, problems) || a is null || b is null) continue;
            if (a == b)
            {
                problems.Report(StudyDiagnostics.InvalidInteraction, interaction.Location, a, b, name, "is of a variable with itself");
                continue;
            }
            if (!pairs.Add(string.CompareOrdinal(a, b) < 0 ? a + "\u001f" + b : b + "\u001f" + a))
            {
                problems.Report(StudyDiagnostics.InvalidInteraction, interaction.Location, a, b, name, "is declared twice");
                continue;
            }
            // Only a model whose builder could be read in full is known not to hold a variable.
            if (!model.IsComplete) continue;
            foreach (var (id, step) in new[] { (a, interaction.First), (b, interaction.Second) })
            {
                if (!held.Contains(id)) problems.Report(StudyDiagnostics.InteractionNotInModel, step.Location, name, id);
            }
        }
    }
}
