using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A cut <c>p.X.Below(t, lower, upper)</c> or <c>AtMost</c> with a constant threshold.</summary>
internal sealed class CutStep(IPropertySymbol member, double threshold, bool thresholdInLowerLevel, string? lower, string? upper, Location thresholdLocation)
{
    public IPropertySymbol Member { get; } = member;

    public double Threshold { get; } = threshold;

    /// <summary>AtMost: the threshold belongs to the lower level; Below: to the upper one.</summary>
    public bool ThresholdInLowerLevel { get; } = thresholdInLowerLevel;

    public string? Lower { get; } = lower;

    public string? Upper { get; } = upper;

    public Location ThresholdLocation { get; } = thresholdLocation;
}
