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

    /// <summary>eTable 2's HM &lt;= 40 mm hazard ratio within bt-pNET PHR (about four deaths
    /// behind it; its published CI is 0.019-0.928): |log ratio| &lt;= 0.30.</summary>
    public const double LogHazardRatioBodyTailPhr = 0.30;

    /// <summary>Kaplan-Meier medians of the full cohort, the arms, bt-pNET and its arms, pNEC and
    /// its NR arm, extrahepatic metastasis: |log ratio| &lt;= 0.30, i.e. within about -26% / +35%.</summary>
    public const double LogMedian = 0.30;

    /// <summary>The hn-pNET-sHM median (50 months published), which no calibrated parameter
    /// aims at: |log ratio| &lt;= 0.45, i.e. within about -36% / +57%.</summary>
    public const double LogMedianHeadNeck = 0.45;
}
