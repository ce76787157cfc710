namespace Pnen.Dsl;

/// <summary>The values a numeric variable can take, bounds included. The loader refuses values
/// outside it, and a study plan's cut points are checked against it.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RangeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;

    public double Maximum { get; } = maximum;
}
