namespace Pnen.Dsl.Execution;

/// <summary>Effects of characteristics within a selection of a cohort (e.g. the paper's HM ≤ 40 mm
/// effect among PHR patients): each analysed as a characteristic is (Kaplan-Meier per level, the
/// log-rank test and the univariable Cox model), among the selected records.</summary>
internal static class WithinAnalysis<T>
{
    public static WithinResult Run(WithinSpec<T> spec, CohortFrame<T> frame, OutcomeSpec<T> outcome, IReadOnlyList<CharacteristicSpec<T>> strata)
    {
        var selected = frame.Members.Where(spec.Where).ToArray();
        var within = new CohortFrame<T>(selected, outcome, strata);
        var effects = spec.Effects.Select(e => Univariate<T>.Analyse(EvaluatedCharacteristic<T>.Of(e, selected), within, within.All)).ToArray();
        var declaration = new SelectionDeclaration(spec.Id, spec.Name, spec.Effects.Select(PlanDeclarations.Variable).ToArray());
        return new WithinResult(declaration, within.N, within.Died.Count(d => d), effects);
    }
}
