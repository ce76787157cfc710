namespace PnenSurgery.Synthesis.Survival;

/// <summary>
/// A proportional-hazards model with a piecewise-constant baseline hazard,
/// h(t | x) = h0(t) exp(β'x), h0 = 1/λ up to <see cref="ChangeMonths"/> and
/// <see cref="LateHazardRatio"/>/λ after it, and the follow-up it is observed through. <see cref="AccrualExponent"/> shapes the administrative
/// censoring: potential follow-up is MinFollowUp + (MaxFollowUp - MinFollowUp)(1 - V^a) with V
/// uniform, i.e. recruitment that grew over the study years (a = 0.5: linearly growing).
/// </summary>
public sealed record SurvivalParameters(double[] Beta, double LateHazardRatio, double Scale, double AccrualExponent)
{
    /// <summary>Where the baseline hazard changes (five years).</summary>
    public const double ChangeMonths = 60;

    /// <summary>Months between the last recruitment and the data cut-off.</summary>
    public const double MinFollowUp = 3;

    /// <summary>The longest possible follow-up (the KM curves end near 150 months).</summary>
    public const double MaxFollowUp = 150;

    /// <summary>"Only 10 patients were lost to follow-up after 6 years."</summary>
    public const int LostToFollowUp = 10;

    public const double LossAfterMonths = 72;
}
