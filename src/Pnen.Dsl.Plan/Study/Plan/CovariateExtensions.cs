using System.Numerics;

namespace Pnen.Dsl;

/// <summary>
/// How a variable enters a model, written inside its lambda: <c>p =&gt; p.Age.PerUnit(10)</c> (hazard
/// ratio per 10 years), <c>p =&gt; p.Grade.WithReference(Grade.G1)</c>, and <c>p =&gt; Math.Log(p.Bilirubin).As("log bilirubin")</c>
/// for a computed value with a label of its own. The plan reads these from the expression; evaluated,
/// they return the value they describe.
/// </summary>
public static class CovariateExtensions
{
    /// <summary>A number entered per <paramref name="units"/> units: its hazard ratio is for an increase of that many.</summary>
    public static PerUnits PerUnit<TNumber>(this TNumber value, double units) where TNumber : struct, INumberBase<TNumber> =>
        new(double.CreateChecked(value), units);

    /// <summary>A number that may be missing, entered per <paramref name="units"/> units.</summary>
    public static PerUnits PerUnit<TNumber>(this TNumber? value, double units) where TNumber : struct, INumberBase<TNumber> =>
        new(value is { } v ? double.CreateChecked(v) : null, units);

    /// <summary>A categorical variable compared with <paramref name="reference"/> instead of its first level.</summary>
    public static TEnum WithReference<TEnum>(this TEnum value, TEnum reference) where TEnum : struct, Enum => value;

    /// <summary>A categorical variable that may be missing, compared with <paramref name="reference"/>.</summary>
    public static TEnum? WithReference<TEnum>(this TEnum? value, TEnum reference) where TEnum : struct, Enum => value;

    /// <summary>A value with the label the report prints and the name of its typed result (from the label).</summary>
    public static TValue As<TValue>(this TValue value, string label) => value;
}

/// <summary>A number and the units its hazard ratio is expressed per.</summary>
public readonly record struct PerUnits(double? Value, double Units);
