using System.Collections.Immutable;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>How a term enters a Cox model.</summary>
public enum TermForm
{
    /// <summary>A number, linearly: one coefficient per <see cref="TermDeclaration.PerUnit"/> units.</summary>
    Linear,

    /// <summary>Levels compared with a reference (treatment contrasts).</summary>
    Categorical,

    /// <summary>A natural cubic spline of a number, as R's splines::ns.</summary>
    Spline,

    /// <summary>The product terms of two other terms.</summary>
    Interaction,
}

/// <summary>One term of a model: a variable and its form (for an interaction, the two terms it multiplies).</summary>
internal sealed record TermSpec<T>(CharacteristicSpec<T> Variable, TermForm Form, double PerUnit = 1, int SplineDf = 0)
{
    public string Id => Variable.Id;
}

/// <summary>An interaction of two terms of the model (the exposure or an adjusted variable).</summary>
internal sealed record InteractionSpec(string Id, string FirstId, string SecondId);

/// <summary>A prespecified Cox model: the exposure, always, and what the plan adds to it.</summary>
internal sealed record ModelSpec<T>(
    string Id,
    string Name,
    CoxTies Ties,
    ImmutableList<TermSpec<T>> Terms,
    ImmutableList<InteractionSpec> Interactions,
    ImmutableList<CharacteristicSpec<T>> Strata,
    Screen? Screen)
{
    /// <summary>Fitted by Firth's penalised partial likelihood (<see cref="ModelBuilder{T}.Firth"/>).</summary>
    public bool Firth { get; init; }

    /// <summary>The cluster of a robust variance (<see cref="ModelBuilder{T}.Cluster"/>), or null.</summary>
    public CharacteristicSpec<T>? Cluster { get; init; }
}
