namespace Pnen.Dsl;

/// <summary>
/// A hazard ratio of a model, for one level of a characteristic against its reference (or per unit
/// of a continuous one). The reference row has <see cref="IsReference"/> set and no numbers; a level
/// that could not be estimated has no numbers and a <see cref="Note"/>.
/// </summary>
public sealed record AdjustedEstimate(
    string Characteristic,
    string? Level,
    bool IsReference,
    double? HazardRatio,
    double? Lower,
    double? Upper,
    double? PValue,
    bool PossiblyInfinite,
    string? Note);
