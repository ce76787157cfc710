namespace Pnen.Dsl;

/// <summary>The plan's models fitted to one set of rows (a cohort, or its naive, time-dependent or landmark
/// version), in plan order.</summary>
public sealed class ModelSet<TX> : IReadOnlyList<ModelResult<TX>> where TX : notnull
{
    private readonly IReadOnlyList<ModelResult<TX>> _models;

    internal ModelSet(IReadOnlyList<ModelResult<TX>> models) => _models = models;

    public int Count => _models.Count;

    public ModelResult<TX> this[int index] => _models[index];

    /// <summary>A model by its stable id (its generated property name), for generated code.</summary>
    public ModelResult<TX> Model(string id) => _models.FirstOrDefault(m => m.Id == id)
        ?? throw new InvalidOperationException($"There is no model with id '{id}': the generated code and the plan disagree, which is a bug in Pnen.");

    public IEnumerator<ModelResult<TX>> GetEnumerator() => _models.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
