namespace Pnen.Dsl;

/// <summary>Reads a plan's specs into its <see cref="PlanDeclaration"/>.</summary>
internal static class PlanDeclarations
{
    public static PlanDeclaration Of<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull
    {
        var core = plan.Core;
        var exposure = Variable(plan.ExposureSpec.Variable);
        return new PlanDeclaration(
            core.Name,
            core.Population,
            core.Outcome is { } o ? new OutcomeDeclaration(o.TimeLabel, o.EventLabel, o.Unit) { Scale = o.Scale } : null,
            core.Exclusions.Select(e => e.Reason).ToArray(),
            core.Strata.Select(Variable).ToArray(),
            exposure,
            plan.Characteristics.Select(Variable).ToArray(),
            plan.Baseline is { } b ? new BaselineDeclaration(b.ByLabel, b.Categorical, b.Continuous, b.PValues, b.StandardisedDifferences) { Overall = b.Overall } : null,
            plan.UnivariateAnalysis,
            plan.Models.Select(m => Model(m, exposure)).ToArray(),
            plan.SurvivalTimes.ToArray(),
            plan.RestrictedMeanTau,
            plan.Subgroups.Select(s => new SubgroupDeclaration(s.Id, s.Name, s.Description, s.Exclusions.Select(e => e.Reason).ToArray(), s.Within.Select(Selection).ToArray())).ToArray(),
            plan.Within.Select(Selection).ToArray(),
            plan.Start is { } start ? new ExposureStartDeclaration(start.Label, start.Main) : null,
            plan.Landmarks.ToArray())
        {
            Randomised = core.Randomised,
            Weighting = ConfoundingDeclarations.Weighting(plan),
            AdjustedCurves = ConfoundingDeclarations.Curves(plan),
        };
    }

    public static VariableDeclaration Variable<T>(CharacteristicSpec<T> spec) => new(
        spec.Id, spec.Label, spec.Kind, spec.Levels, spec.Kind == CharacteristicKind.Categorical && spec.Levels.Count > 0 ? spec.Levels[spec.Reference] : null,
        spec.Unit, spec.Derivation, spec.InBaselineTable) { YesNo = YesNoLevels.Are(spec) };

    private static ModelDeclaration Model<T>(ModelSpec<T> model, VariableDeclaration exposure)
    {
        var terms = new List<TermDeclaration> { new(exposure.Id, exposure.Label, TermForm.Categorical, exposure, 1, 0, null, null) };
        terms.AddRange(model.Terms.Select(t => new TermDeclaration(t.Id, t.Variable.Label, t.Form, Variable(t.Variable), t.PerUnit, t.SplineDf, null, null)));
        foreach (var interaction in model.Interactions)
        {
            var label = $"{terms.Single(t => t.Id == interaction.FirstId).Label} × {terms.Single(t => t.Id == interaction.SecondId).Label}";
            terms.Add(new TermDeclaration(interaction.Id, label, TermForm.Interaction, null, 1, 0, interaction.FirstId, interaction.SecondId));
        }
        return new ModelDeclaration(model.Id, model.Name, model.Ties, terms, model.Strata.Select(Variable).ToArray(), model.Screen)
        {
            Firth = model.Firth,
            Cluster = model.Cluster is { } cluster ? Variable(cluster) : null,
        };
    }

    private static SelectionDeclaration Selection<T>(WithinSpec<T> within) => new(within.Id, within.Name, within.Effects.Select(Variable).ToArray());
}
