namespace Pnen.Synthesis.Tests;

/// <summary>
/// How close the committed cohort's survival-dependent numbers are to the published ones: the
/// tolerances stated in examples/PnenSurgery/Data/README.md ("Approximate targets"). These
/// check the committed data, not random draws: regenerating with the stored seed gives the
/// same file byte for byte.
/// </summary>
public static class Tolerances
{
    /// <summary>Deaths in the final cohort: calibrated exactly.</summary>
    public const int Deaths = 0;

    /// <summary>Median follow-up (reverse KM), months: calibrated to 48.0.</summary>
    public const double FollowUpMonths = 0.5;

    /// <summary>The 13 adjusted hazard ratios of the Table 2 and Table 3 models:
    /// |log(synthetic / published)| &lt;= 0.20, i.e. within about -18% / +22%.</summary>
    public const double LogHazardRatio = 0.20;

    /// <summary>eTable 2's HM &lt;= 40 mm hazard ratio within bt-pNET PHR rests on a handful of
    /// deaths (published CI 0.019-0.928, a standard error of about 1 on the log scale):
    /// |log ratio| &lt;= 0.75, within one published standard error.</summary>
    public const double LogHazardRatioBodyTailPhr = 0.75;

    /// <summary>Kaplan-Meier medians: |log ratio| &lt;= 0.50, i.e. within about -39% / +65%. The
    /// paper's medians sit on flat stretches of its curves, where a few late deaths move them a
    /// lot.</summary>
    public const double LogMedian = 0.50;

    /// <summary>Where the synthetic median is not reached (the curve ends above 0.5), survival
    /// at the published median must be within 0.5 ± 0.10.</summary>
    public const double SurvivalAtPublishedMedian = 0.10;
}
