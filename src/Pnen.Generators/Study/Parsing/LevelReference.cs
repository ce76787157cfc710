using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// The reference level of a categorical variable read straight from the record (<c>p =&gt; p.Surgery</c>):
/// which property, which level, and where the level is chosen (the reference argument, or the
/// variable itself when the first level is the reference by default).
/// </summary>
internal sealed class LevelReference(IPropertySymbol member, LevelValue level, Location location)
{
    public IPropertySymbol Member { get; } = member;

    public LevelValue Level { get; } = level;

    public Location Location { get; } = location;
}
