namespace PnenSurgery.Synthesis.Calibration;

public enum TargetKind
{
    /// <summary>Compared on the log scale.</summary>
    HazardRatio,

    /// <summary>A Kaplan-Meier median in months, compared on the log scale.</summary>
    Median,

    /// <summary>A log-rank P value: what matters is its side of the screening threshold 0.15.</summary>
    PValue,

    /// <summary>A Cox (Wald) P value: what matters is its side of the significance level 0.05,
    /// i.e. whether the paper's conclusion about the effect holds.</summary>
    AdjustedPValue,

    /// <summary>Number of deaths.</summary>
    Count,

    /// <summary>Median follow-up in months.</summary>
    Months,
}
