namespace Pnen.Generators.Study.Parsing;

/// <summary>A level of a categorical variable as a constant: an enum member's underlying value (two
/// members with one value are one level at run time) or a bool, and how the plan spells it.</summary>
internal sealed class LevelValue(object constant, string display)
{
    public object Constant { get; } = constant;

    public string Display { get; } = display;
}
