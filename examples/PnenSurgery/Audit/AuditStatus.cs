namespace PnenSurgery.Audit;

/// <summary>Why a reproduced number equals, or need not equal, the published one.</summary>
public enum AuditStatus
{
    /// <summary>The synthetic cohort was built to have this number (counts of the flow and the tables).</summary>
    ExactByConstruction,

    /// <summary>Computed from numbers that are exact by construction (e.g. Table 1 P from its counts): it must agree.</summary>
    Recomputed,

    /// <summary>Depends on the synthetic survival times: close, within the tolerance the data README states.</summary>
    Approximate,

    /// <summary>The paper contradicts itself here; the reproduction follows one side and says which.</summary>
    InconsistentInPaper,
}
