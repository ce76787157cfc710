namespace PnenSurgery.Synthesis.Calibration;

public enum TargetKind
{
    /// <summary>Compared on the log scale.</summary>
    HazardRatio,

    /// <summary>A Kaplan-Meier median in months, compared on the log scale.</summary>
    Median,

    /// <summary>A log-rank P value: what matters is its side of the screening threshold 0.15.</summary>
    PValue,

    /// <summary>Number of deaths.</summary>
    Count,

    /// <summary>Median follow-up in months.</summary>
    Months,
}
