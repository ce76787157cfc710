using System.Collections.Generic;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A subgroup: its name, selection, own exclusions and analyses within selections.</summary>
internal sealed class SubgroupStep(NamedStep name, LambdaPredicate? where)
{
    public NamedStep Name { get; } = name;

    public LambdaPredicate? Where { get; } = where;

    public List<ExclusionStep> Exclusions { get; } = [];

    public List<SelectionStep> Selections { get; } = [];
}

/// <summary>An analysis within a selection: its name and its effects.</summary>
internal sealed class SelectionStep(NamedStep name)
{
    public NamedStep Name { get; } = name;

    public List<CharacteristicStep> Effects { get; } = [];
}
