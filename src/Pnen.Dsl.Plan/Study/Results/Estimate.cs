namespace Pnen.Dsl;

/// <summary>
/// A hazard ratio of a model for one level of a term against its reference (or per unit, or per
/// <see cref="TermDeclaration.PerUnit"/> units, of a number). The reference row has
/// <see cref="IsReference"/> set and no numbers; a level that could not be estimated has no numbers
/// and a <see cref="Note"/> saying why.
/// </summary>
public sealed partial record Estimate(
    string Term,
    string? Level,
    bool IsReference,
    double? HazardRatio,
    double? Lower,
    double? Upper,
    double? P,
    bool PossiblyInfinite,
    string? Note)
{
    /// <summary>Firth's penalised estimate of the row, beside a coefficient flagged as possibly infinite
    /// (its model refitted by Firth's method); null otherwise. A Firth model's own rows are Firth's and have none.</summary>
    public FirthEstimate? Firth { get; init; }

    /// <summary>Whether the row has a hazard ratio to show (not the reference, not infinite, not left out).</summary>
    public bool IsEstimated => !IsReference && !PossiblyInfinite && HazardRatio is not null;
}
