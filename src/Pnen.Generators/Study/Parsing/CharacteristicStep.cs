using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A characteristic (or an effect within a selection) as far as the compiler can know it.</summary>
internal sealed class CharacteristicStep(string? label, Location location, IPropertySymbol? member, bool isDerived, LevelReference? reference, CutStep? cut,
    VariableStep? variable, string? id)
{
    /// <summary>The label the runtime gives it (explicit, else the codebook's); null when not a constant.</summary>
    public string? Label { get; } = label;

    /// <summary>The characteristic's lambda.</summary>
    public Location Location { get; } = location;

    /// <summary>The record property it reads, when the lambda is <c>p =&gt; p.X</c> or a cut of it.</summary>
    public IPropertySymbol? Member { get; } = member;

    /// <summary>A cut, not the variable as it is.</summary>
    public bool IsDerived { get; } = isDerived;

    /// <summary>The reference level of a categorical characteristic read straight from the record.</summary>
    public LevelReference? Reference { get; } = reference;

    public CutStep? Cut { get; } = cut;

    /// <summary>The value lambda as the runtime reads it (kind, level type).</summary>
    public VariableStep? Variable { get; } = variable;

    /// <summary>Its stable id: name: when given, else the variable's; null when unknown.</summary>
    public string? Id { get; } = id;
}
