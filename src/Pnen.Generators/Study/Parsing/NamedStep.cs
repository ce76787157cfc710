using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A name a plan gives (a subgroup, an exclusion reason, a selection, a confounder label) and
/// where it is written. <see cref="Name"/> is null when the expression is not a constant.</summary>
internal sealed class NamedStep(string? name, Location location)
{
    public string? Name { get; } = name;

    public Location Location { get; } = location;
}
