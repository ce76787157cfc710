using System.Collections.Generic;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A subgroup: its name, selection, own exclusions and analyses within selections.</summary>
internal sealed class SubgroupStep(NamedStep name, LambdaPredicate? where)
{
    public NamedStep Name { get; } = name;

    public LambdaPredicate? Where { get; } = where;

    public List<ExclusionStep> Exclusions { get; } = [];

    public List<NamedStep> Selections { get; } = [];
}
