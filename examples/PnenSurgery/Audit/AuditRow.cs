namespace PnenSurgery.Audit;

/// <summary>One published number beside the reproduced one.</summary>
public sealed record AuditRow(string Section, string Item, string Published, string Reproduced, AuditStatus Status, string? Note = null)
{
    /// <summary>Whether the two read the same as printed (what "exact" and "recomputed" rows must satisfy).</summary>
    public bool Agrees => Published == Reproduced;
}
