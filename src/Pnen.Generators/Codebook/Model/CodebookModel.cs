using Pnen.Generators.Common;

namespace Pnen.Generators.Codebook.Model;

/// <summary>
/// Everything the emitter needs about one codebook record, as plain values: no symbol, syntax node or
/// location, so that an unrelated edit yields an equal model and the emitter is skipped.
/// </summary>
/// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
/// <param name="Name">The record's name.</param>
/// <param name="IsRecord">Whether the declaration is a record (else a class), for the partial keyword.</param>
/// <param name="VariablesAccessibility">"public" or "internal": the descriptors class is no more visible than the types it names.</param>
internal sealed record CodebookModel(
    string Namespace,
    string Name,
    bool IsRecord,
    string VariablesAccessibility,
    EquatableArray<string> MissingValues,
    bool IgnoreExtraColumns,
    EquatableArray<VariableModel> Variables)
{
    /// <summary>The record's fully qualified name, as generated code writes it.</summary>
    public string GlobalName => (Namespace.Length == 0 ? "global::" : "global::" + Namespace + ".") + Literals.Identifier(Name);

    public string VariablesClassName => Name + "Variables";

    public string GlobalVariablesClassName => GlobalName + "Variables";
}
