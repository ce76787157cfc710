using System.Collections.Immutable;

namespace Pnen.Dsl;

/// <summary>Configures a subgroup: its own exclusions (counted in the flow) and analyses within it.</summary>
public sealed class SubgroupBuilder<T> where T : ICodebook<T>
{
    internal ImmutableList<ExclusionSpec<T>> Exclusions { get; private set; } = [];

    internal ImmutableList<WithinSpec<T>> Within { get; private set; } = [];

    /// <summary>Leaves out, before the subgroup is selected, the records for which <paramref name="excluded"/> holds.</summary>
    public SubgroupBuilder<T> Exclude(string reason, Func<T, bool> excluded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Exclusions.Any(e => e.Reason == reason)) throw new ArgumentException($"The exclusion '{reason}' is declared twice in this subgroup.", nameof(reason));
        Exclusions = Exclusions.Add(new ExclusionSpec<T>(reason, excluded));
        return this;
    }

    /// <summary>Effects of characteristics on survival among the subgroup's records that <paramref name="where"/> selects
    /// (e.g. one arm).</summary>
    public SubgroupBuilder<T> WithinSelection(string name, Func<T, bool> where, Func<EffectBuilder<T>, EffectBuilder<T>> effects)
    {
        Within = Within.Add(EffectBuilder<T>.Build(name, where, effects, Within));
        return this;
    }
}
