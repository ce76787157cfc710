using Pnen.Generators.Common;

namespace Pnen.Generators.Study.Model;

/// <summary>What a typed result property holds, which decides its generated type.</summary>
internal enum ResultKind
{
    /// <summary>A number: CharacteristicResult or NumericTerm.</summary>
    Number,

    /// <summary>An enum or bool, indexed by its values: CategoricalCharacteristic&lt;T&gt; or CategoricalTerm&lt;T&gt;.</summary>
    Levels,

    /// <summary>A cut: CutCharacteristic or CutTerm.</summary>
    Cut,

    /// <summary>A spline term: SplineTerm.</summary>
    Spline,

    /// <summary>An interaction term: InteractionTerm.</summary>
    Interaction,
}

/// <summary>A characteristic (or effect) with a typed property: its id, kind and, for levels, the enum or bool type.</summary>
internal sealed record ResultShape(string Id, ResultKind Kind, string? LevelType);

/// <summary>A model with a typed class: its id and name, and its terms' properties (none for a screened model,
/// whose terms differ by cohort).</summary>
internal sealed record ModelShape(string Id, string Name, EquatableArray<ResultShape> Terms);

/// <summary>An analysis within a selection, with a property per effect.</summary>
internal sealed record SelectionShape(string Id, string Name, EquatableArray<ResultShape> Effects);
