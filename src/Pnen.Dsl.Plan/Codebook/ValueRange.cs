using System.Globalization;

namespace Pnen.Dsl;

/// <summary>A closed interval of values a numeric variable may take (<see cref="RangeAttribute"/>).</summary>
public sealed record ValueRange(double Minimum, double Maximum)
{
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Minimum}, {Maximum}]");
}
