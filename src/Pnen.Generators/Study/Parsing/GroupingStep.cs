using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>What a baseline table is grouped by (<c>BaselineTable(by: p =&gt; ...)</c>): the type and where.</summary>
internal sealed class GroupingStep(ITypeSymbol type, Location location)
{
    public ITypeSymbol Type { get; } = type;

    public Location Location { get; } = location;
}
