namespace Pnen.Dsl.Report;

/// <summary>The few facts of the plan that every table and figure names: the outcome and its unit, the
/// exposure and its levels.</summary>
internal sealed record StudySummary(string OutcomeLabel, string EventLabel, string? TimeUnit, string ExposureLabel, IReadOnlyList<string> ExposureLevels, string ExposureReference)
{
    public static StudySummary Of(PlanDeclaration plan) => new(
        plan.Outcome?.TimeLabel ?? "Survival",
        plan.Outcome?.EventLabel ?? "Event",
        plan.Outcome?.Unit,
        plan.Exposure.Label,
        plan.Exposure.Levels,
        plan.Exposure.Reference ?? plan.Exposure.Levels[0]);
}
