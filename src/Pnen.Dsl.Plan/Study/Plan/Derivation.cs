using System.Globalization;

namespace Pnen.Dsl;

/// <summary>How a characteristic or term was derived from a codebook variable, in words for footnotes.</summary>
public abstract record Derivation
{
    public abstract string Describe();
}

/// <summary>A number cut at a threshold into two levels.</summary>
public sealed record CutDerivation(string Variable, double Threshold, bool ThresholdInLowerLevel) : Derivation
{
    public override string Describe() => $"{Variable} {Split}";

    /// <summary>The two sides of the threshold: "&lt; 60 vs ≥ 60".</summary>
    public string Split => string.Create(CultureInfo.InvariantCulture,
        $"{(ThresholdInLowerLevel ? "≤" : "<")} {Threshold} vs {(ThresholdInLowerLevel ? ">" : "≥")} {Threshold}");
}

/// <summary>A value computed from the record (<c>p =&gt; Math.Log(p.Bilirubin)</c>), as it reads.</summary>
public sealed record TransformDerivation(string Expression) : Derivation
{
    public override string Describe() => Expression;
}
