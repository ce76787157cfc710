using System.Numerics;

namespace Pnen.Dsl;

/// <summary>
/// A number split at one threshold into two labelled levels, written in a plan as
/// <c>p =&gt; p.Age.Below(60, "&lt;60", "≥60")</c> or <c>p =&gt; p.HmDiameter.AtMost(40, "≤40 mm", "&gt;40 mm")</c>.
/// The two verbs say on which side the threshold itself falls, so the label never has to.
/// </summary>
public readonly record struct Cut(double? Value, double Threshold, bool ThresholdInLowerLevel, string LowerLabel, string UpperLabel)
{
    /// <summary>0 for the lower level, 1 for the upper, -1 when the value is missing.</summary>
    public int Code => Value is not { } v || double.IsNaN(v)
        ? -1
        : (ThresholdInLowerLevel ? v <= Threshold : v < Threshold) ? 0 : 1;

    public string? Level => Code switch
    {
        0 => LowerLabel,
        1 => UpperLabel,
        _ => null,
    };
}

/// <summary>The verbs that make a <see cref="Cut"/>.</summary>
public static class CutExtensions
{
    /// <summary>Values strictly below <paramref name="threshold"/> form the first level.</summary>
    public static Cut Below<TNumber>(this TNumber value, double threshold, string below, string atOrAbove)
        where TNumber : struct, INumberBase<TNumber> =>
        new(double.CreateChecked(value), threshold, false, below, atOrAbove);

    /// <summary>Values strictly below <paramref name="threshold"/> form the first level; null is missing.</summary>
    public static Cut Below<TNumber>(this TNumber? value, double threshold, string below, string atOrAbove)
        where TNumber : struct, INumberBase<TNumber> =>
        new(value is { } v ? double.CreateChecked(v) : null, threshold, false, below, atOrAbove);

    /// <summary>Values at or below <paramref name="threshold"/> form the first level.</summary>
    public static Cut AtMost<TNumber>(this TNumber value, double threshold, string atMost, string above)
        where TNumber : struct, INumberBase<TNumber> =>
        new(double.CreateChecked(value), threshold, true, atMost, above);

    /// <summary>Values at or below <paramref name="threshold"/> form the first level; null is missing.</summary>
    public static Cut AtMost<TNumber>(this TNumber? value, double threshold, string atMost, string above)
        where TNumber : struct, INumberBase<TNumber> =>
        new(value is { } v ? double.CreateChecked(v) : null, threshold, true, atMost, above);
}
