namespace PnenSurgery.Audit;

/// <summary>
/// One published number beside the reproduced one. An approximate number carries the tolerance
/// it is held to (null when it was not a calibration target of the synthetic cohort) and whether
/// it is within it.
/// </summary>
public sealed record AuditRow(
    string Section, string Item, string Published, string Reproduced, AuditStatus Status,
    string? Note = null, string? Tolerance = null, bool? WithinTolerance = null)
{
    /// <summary>Whether the two read the same as printed (what "exact" and "recomputed" rows must satisfy).</summary>
    public bool Agrees => Published == Reproduced;
}
