namespace Pnen.Synthesis.Tests;

/// <summary>
/// Where the paper contradicts itself or leaves a count open, what the synthetic cohort does
/// (each choice is explained in examples/PnenSurgery/Data/README.md). These are the only counts
/// the tests assert that do not come from published.json.
/// </summary>
public static class SyntheticChoices
{
    /// <summary>Table 1 gives 37 + 17 + 32 = 86 primaries &lt;= 40 mm (and its P = 0.382 needs exactly
    /// these counts); Table 2 prints 87. The cohort follows Table 1.</summary>
    public const int PrimaryDiameterUpTo40 = 86;

    /// <summary>Table 1 gives 44 + 29 + 48 = 121 HM &lt;= 40 mm; Table 2 prints 120. The cohort follows Table 1.</summary>
    public const int HmDiameterUpTo40 = 121;

    /// <summary>Table 3's grades add to 84 of 86 (G1 12, G2 58, G3 14): the two others are G2.</summary>
    public const int BodyTailG2 = 60;

    /// <summary>hn-pNET-sHM PR is 8 or 9 (the third NEC PR patient is head/neck or diffuse): the
    /// cohort makes that NEC patient head/neck, so hn-pNET PR is 8 and NR 24 (the two diffuse primaries are pNET).</summary>
    public const int HeadNeckPr = 8;

    /// <summary>Two metachronous patients also have an unknown grade: they count as metachronous,
    /// the first exclusion, so the flowchart's order matters as it does in the paper.</summary>
    public const int MetachronousWithUnknownGrade = 2;
}
