namespace Pnen.Dsl.Execution;

/// <summary>A term of a model as one cohort evaluates it: its declaration, its variable's values and its form.</summary>
internal sealed record ModelTerm<T>(TermDeclaration Declaration, EvaluatedCharacteristic<T>? Variable, InteractionSpec? Interaction)
{
    public string Id => Declaration.Id;

    public TermForm Form => Declaration.Form;

    public static ModelTerm<T> Of(TermDeclaration declaration, EvaluatedCharacteristic<T> variable) => new(declaration, variable, null);

    /// <summary>A screened model's term: a characteristic entered as it is declared (categorical, or linear per unit).</summary>
    public static ModelTerm<T> Screened(EvaluatedCharacteristic<T> variable) => new(
        new TermDeclaration(variable.Spec.Id, variable.Label, variable.IsContinuous ? TermForm.Linear : TermForm.Categorical,
            PlanDeclarations.Variable(variable.Spec), 1, 0, null, null),
        variable, null);
}
