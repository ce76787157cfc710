using PnenSurgery.Synthesis.Cohort;

namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// The 163 patients of the final cohort as count tables per cell. Written out by hand so that a
/// reader can check every published margin with a pencil (the tests do it too):
/// Table 1 = sums over the cells of an arm; Table 2 = sums over all cells; Table 3 = sums over
/// the three bt-pNET cells. Where the paper leaves the split between cells free, the choice
/// follows clinical sense (noted per table) and is otherwise arbitrary.
/// </summary>
public static class FinalCohortDesign
{
    // Cell order of every count array below:
    //            btNR btPR btPHR hnNR hnPR hnPHR necXNR necNR necPR pnetXNR diffNR diffPR
    public static readonly IReadOnlyList<Cell> Cells =
    [
        new("bt-pNET NR", Arm.NR, 19, EffectGroup.BodyTailPnet, false),
        new("bt-pNET PR", Arm.PR, 25, EffectGroup.BodyTailPnet, false),
        new("bt-pNET PHR", Arm.PHR, 42, EffectGroup.BodyTailPnet, false),
        new("hn-pNET NR", Arm.NR, 24, EffectGroup.HeadNeckPnet, false),
        new("hn-pNET PR", Arm.PR, 8, EffectGroup.HeadNeckPnet, false),
        new("hn-pNET PHR", Arm.PHR, 14, EffectGroup.HeadNeckPnet, false),
        // NEC with extrahepatic metastasis: NEC takes 12 of the 20 extrahepatic patients.
        new("NEC extrahepatic NR", Arm.NR, 12, EffectGroup.Nec, true),
        new("NEC NR", Arm.NR, 6, EffectGroup.Nec, false),
        // Two body/tail NEC (body/tail PR 27 = bt-pNET PR 25 + 2) and one head/neck NEC
        // (head/neck PR 9 = hn-pNET PR 8 + 1).
        new("NEC PR", Arm.PR, 3, EffectGroup.Nec, false),
        // pNET with extrahepatic metastasis: in no subgroup.
        new("pNET extrahepatic NR", Arm.NR, 8, EffectGroup.OtherPnet, true),
        // The two diffuse primaries (one NR, one PR) are pNET: in no subgroup because of their location.
        new("pNET diffuse NR", Arm.NR, 1, EffectGroup.OtherPnet, false),
        new("pNET diffuse PR", Arm.PR, 1, EffectGroup.OtherPnet, false),
    ];

    //                                     btNR btPR btPHR hnNR hnPR hnPHR necX nec necPR pnetX dNR dPR
    public static readonly LevelCounts<Location> Location = new("location",
        (Cohort.Location.HeadNeck, [0, 0, 0, 24, 8, 14, 4, 2, 1, 3, 0, 0]),
        (Cohort.Location.BodyTail, [19, 25, 42, 0, 0, 0, 8, 4, 2, 5, 0, 0]),
        (Cohort.Location.Diffused, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]));

    // Table 3 grades add to 84 of 86: the two left over are G2, the modal grade (see README).
    public static readonly LevelCounts<Grade> Grade = new("grade",
        (Cohort.Grade.G1, [4, 3, 5, 2, 0, 0, 0, 0, 0, 1, 0, 0]),
        (Cohort.Grade.G2, [10, 18, 32, 19, 6, 13, 0, 0, 0, 6, 1, 1]),
        (Cohort.Grade.G3, [5, 4, 5, 3, 2, 1, 0, 0, 0, 1, 0, 0]),
        (Cohort.Grade.NEC, [0, 0, 0, 0, 0, 0, 12, 6, 3, 0, 0, 0]));

    public static readonly LevelCounts<Sex> Sex = new("sex",
        (Cohort.Sex.Male, [9, 12, 20, 13, 4, 7, 7, 3, 1, 5, 1, 1]),
        (Cohort.Sex.Female, [10, 13, 22, 11, 4, 7, 5, 3, 2, 3, 0, 0]));

    // Older patients are more frequent among NEC and extrahepatic disease (16 of 29 against 28
    // of 134): the paper's age effect is strong univariately (P = 0.024) but weak after
    // adjustment for grade and extrahepatic metastasis (HR 1.5, P = 0.217), and absent within
    // bt-pNET (P = 0.444).
    public static readonly LevelCounts<bool> Age60OrOver = new("age >= 60",
        (true, [1, 6, 13, 2, 1, 5, 7, 3, 2, 4, 0, 0]),
        (false, [18, 19, 29, 22, 7, 9, 5, 3, 1, 4, 1, 1]));

    // All three unilobar hn-pNET patients had PHR (the paper's hn-pNET-sHM finding).
    public static readonly LevelCounts<HmDistribution> HmDistribution = new("HM distribution",
        (Cohort.HmDistribution.Unilobar, [1, 1, 5, 0, 0, 3, 0, 1, 1, 0, 0, 0]),
        (Cohort.HmDistribution.Bilobar, [18, 24, 37, 24, 8, 11, 12, 5, 2, 8, 1, 1]));

    // Table 1 counts (86 <= 40 mm, not Table 2's 87). Missing: PHR none; the diffuse primaries
    // (no single diameter to measure) and otherwise non-resected patients.
    public static readonly LevelCounts<DiameterBand?> PrimaryDiameter = new("primary diameter",
        (DiameterBand.UpTo40, [9, 11, 24, 14, 4, 8, 6, 4, 2, 4, 0, 0]),
        (DiameterBand.Over40, [6, 14, 18, 8, 4, 6, 4, 2, 1, 3, 0, 0]),
        (null, [4, 0, 0, 2, 0, 0, 2, 0, 0, 1, 1, 1]));

    // Table 1 counts (121 <= 40 mm, not Table 2's 120). Six of the eight PHR patients over 40 mm
    // are bt-pNET: the within-PHR comparison of eTable 2 needs some.
    public static readonly LevelCounts<DiameterBand?> HmDiameter = new("HM diameter",
        (DiameterBand.UpTo40, [8, 20, 36, 19, 6, 12, 7, 4, 2, 5, 1, 1]),
        (DiameterBand.Over40, [10, 3, 6, 4, 1, 2, 4, 2, 0, 2, 0, 0]),
        (null, [1, 2, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0]));

    public static readonly LevelCounts<bool> Functioning = new("functioning",
        (true, [4, 4, 2, 3, 2, 1, 0, 0, 0, 1, 0, 0]),
        (false, [15, 21, 40, 21, 6, 13, 12, 6, 3, 7, 1, 1]));

    // MEN1/VHL: the four are resected bt-pNET; the one missing value is a bt-pNET NR patient
    // (Table 1 NR adds to 69, Table 3 to 85).
    public static readonly LevelCounts<bool?> Men1Vhl = new("MEN1 or VHL",
        (true, [0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        (false, [18, 23, 40, 24, 8, 14, 12, 6, 3, 8, 1, 1]),
        (null, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));

    // Lymph node status is known for every resected patient (pathology) and missing for 46 of
    // the 70 non-resected (imaging only).
    public static readonly LevelCounts<bool?> LymphNodeMets = new("lymph node metastasis",
        (false, [1, 7, 14, 2, 3, 5, 0, 1, 0, 1, 0, 0]),
        (true, [3, 18, 28, 7, 5, 9, 5, 1, 3, 3, 0, 1]),
        (null, [15, 0, 0, 15, 0, 0, 7, 4, 0, 4, 1, 0]));

    // SSA mostly for pNET, rarely for NEC: the reason SSA looks protective univariately
    // (P = 0.001) but not after adjustment for grade (HR 0.84).
    public static readonly LevelCounts<bool> Ssa = new("SSA",
        (true, [16, 17, 28, 18, 5, 9, 2, 1, 0, 5, 1, 1]),
        (false, [3, 8, 14, 6, 3, 5, 10, 5, 3, 3, 0, 0]));

    public static readonly LevelCounts<bool> TargetedTherapy = new("targeted therapy",
        (true, [8, 6, 11, 7, 2, 2, 1, 1, 0, 2, 1, 0]),
        (false, [11, 19, 31, 17, 6, 12, 11, 5, 3, 6, 0, 1]));

    // Chemotherapy is spread so that the high-risk cells (NEC, extrahepatic) are not
    // concentrated in it: the paper's chemotherapy-yes group has a median of 50 months and a
    // first quartile of 27, which a NEC-heavy group could not have.
    public static readonly LevelCounts<bool> Chemotherapy = new("chemotherapy",
        (true, [9, 7, 10, 13, 4, 6, 3, 1, 1, 3, 0, 0]),
        (false, [10, 18, 32, 11, 4, 8, 9, 5, 2, 5, 1, 1]));

    public static readonly LevelCounts<bool> Tace = new("TACE",
        (true, [10, 10, 17, 12, 3, 4, 2, 2, 0, 2, 0, 0]),
        (false, [9, 15, 25, 12, 5, 10, 10, 4, 3, 6, 1, 1]));

    // RFA includes intraoperative ablation, hence its share among PHR.
    public static readonly LevelCounts<bool> Rfa = new("RFA",
        (true, [3, 4, 11, 3, 1, 3, 0, 0, 0, 1, 0, 0]),
        (false, [16, 21, 31, 21, 7, 11, 12, 6, 3, 7, 1, 1]));

    /// <summary>Throws if any table does not add up to its cells' sizes.</summary>
    public static void Validate()
    {
        Location.Validate(Cells);
        Grade.Validate(Cells);
        Sex.Validate(Cells);
        Age60OrOver.Validate(Cells);
        HmDistribution.Validate(Cells);
        PrimaryDiameter.Validate(Cells);
        HmDiameter.Validate(Cells);
        Functioning.Validate(Cells);
        Men1Vhl.Validate(Cells);
        LymphNodeMets.Validate(Cells);
        Ssa.Validate(Cells);
        TargetedTherapy.Validate(Cells);
        Chemotherapy.Validate(Cells);
        Tace.Validate(Cells);
        Rfa.Validate(Cells);
    }
}
