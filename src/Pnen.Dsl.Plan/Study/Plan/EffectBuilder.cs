using System.Collections.Immutable;
using System.Linq.Expressions;
using Pnen.Shared;

namespace Pnen.Dsl;

/// <summary>Lists the characteristics whose effect on survival is estimated within a selection.</summary>
public sealed class EffectBuilder<T> where T : ICodebook<T>
{
    internal ImmutableList<CharacteristicSpec<T>> Effects { get; private set; } = [];

    public EffectBuilder<T> Effect<TEnum>(Expression<Func<T, TEnum>> variable, TEnum? reference = null, string? label = null)
        where TEnum : struct, Enum =>
        Add(Characteristics<T>.FromEnum(variable, reference, label, null));

    public EffectBuilder<T> Effect<TEnum>(Expression<Func<T, TEnum?>> variable, TEnum? reference = null, string? label = null)
        where TEnum : struct, Enum => Add(Characteristics<T>.FromEnum(variable, reference, label, null));

    public EffectBuilder<T> Effect(Expression<Func<T, bool?>> variable, string? label = null, bool referenceIsYes = false) =>
        Add(Characteristics<T>.FromBoolean(variable, referenceIsYes, label, null));

    public EffectBuilder<T> Effect(Expression<Func<T, Cut>> cut, string? label = null, string? reference = null) =>
        Add(Characteristics<T>.FromCut(cut, label, reference, null));

    internal static WithinSpec<T> Build(string name, Func<T, bool> where, Func<EffectBuilder<T>, EffectBuilder<T>> effects, ImmutableList<WithinSpec<T>> existing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (existing.Any(w => w.Name == name)) throw new ArgumentException($"The analysis '{name}' is declared twice.", nameof(name));
        var built = effects(new EffectBuilder<T>());
        if (built.Effects.IsEmpty) throw new ArgumentException($"The analysis '{name}' names no effect.", nameof(effects));
        return new WithinSpec<T>(PlanNames.Property(name), name, where, built.Effects);
    }

    private EffectBuilder<T> Add(CharacteristicSpec<T> effect)
    {
        if (Effects.Any(e => e.Id == effect.Id)) throw new ArgumentException($"{effect.Label} is named twice in this selection.", nameof(effect));
        Effects = Effects.Add(effect);
        return this;
    }
}
