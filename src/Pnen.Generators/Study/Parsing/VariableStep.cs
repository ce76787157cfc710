using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>What kind of value a plan lambda returns.</summary>
internal enum ValueKind
{
    /// <summary>The lambda could not be read (a compile error nearby, or not a lambda).</summary>
    Unknown,

    /// <summary>An enum or a bool: levels.</summary>
    Categorical,

    /// <summary>A cut of a number into two labelled levels.</summary>
    Cut,

    /// <summary>A number.</summary>
    Continuous,

    /// <summary>Anything else (a string, a date): not a variable a plan can use.</summary>
    Other,
}

/// <summary>
/// A value lambda of a plan (<c>p =&gt; p.Age.PerUnit(10)</c>, <c>p =&gt; p.Sex</c>, <c>p =&gt; Math.Log(p.Bili).As("log bilirubin")</c>)
/// as the runtime's VariableReader reads it: its id (Pnen.Shared.PlanNames), kind, level type and units.
/// </summary>
internal sealed class VariableStep(
    string? id, ValueKind kind, ITypeSymbol? levelType, IPropertySymbol? member, bool isPlain, int members,
    double? perUnit, Location? perUnitLocation, Location location)
{
    /// <summary>The stable id: the label given with .As, else the one property read; null when neither is known.</summary>
    public string? Id { get; } = id;

    public ValueKind Kind { get; } = kind;

    /// <summary>The enum or bool type of a categorical value (without Nullable).</summary>
    public ITypeSymbol? LevelType { get; } = levelType;

    /// <summary>The one record property the lambda reads, if it reads one.</summary>
    public IPropertySymbol? Member { get; } = member;

    /// <summary>The lambda is the property itself (<c>p =&gt; p.X</c>), possibly with .PerUnit or .WithReference.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>How many distinct record properties the value reads.</summary>
    public int Members { get; } = members;

    /// <summary>The units of .PerUnit(k) when constant (1 without it); null when not a constant.</summary>
    public double? PerUnit { get; } = perUnit;

    public Location? PerUnitLocation { get; } = perUnitLocation;

    public Location Location { get; } = location;

    /// <summary>Whether it names the same variable as <paramref name="other"/> (the exposure, say).</summary>
    public bool SameVariable(IPropertySymbol? other) => IsPlain && other is not null && SymbolEqualityComparer.Default.Equals(Member, other);
}
