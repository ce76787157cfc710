namespace Pnen.Dsl;

/// <summary>One level of a categorical variable, in declaration order.</summary>
/// <param name="Index">The level's code in the columnar view (0-based declaration order).</param>
/// <param name="Name">The enum member name.</param>
/// <param name="Label">What tables print; the name when no <see cref="LabelAttribute"/> is given.</param>
/// <param name="Codes">Further spellings accepted in the file (<see cref="CodeAttribute"/>).</param>
public sealed record LevelDescriptor(int Index, string Name, string Label, IReadOnlyList<string> Codes)
{
    public LevelDescriptor(int index, string name, string label)
        : this(index, name, label, [])
    {
    }
}
