using Pnen.Dsl;

namespace PnenSurgery;

/// <summary>
/// The codebook of the pNEN-sHM cohort: every variable the paper reports, plus what its flowchart
/// needs. Column names are those of Data/pnen-shm-synthetic.csv; labels are the paper's.
/// </summary>
[Codebook]
public partial record Patient
{
    [Id, Column("id")]
    public required string Id { get; init; }

    [Column("center"), Label("Centre")]
    public required Centre Centre { get; init; }

    [Column("sex"), Label("Gender")]
    public required Sex Sex { get; init; }

    [Column("age"), Label("Age, y"), Unit("years"), Range(0, 110)]
    public required double Age { get; init; }

    [Column("hm_distribution"), Label("HM distribution")]
    public required HmDistribution HmDistribution { get; init; }

    [Column("extrahepatic_mets"), Label("Baseline extrahepatic metastasis")]
    public required bool ExtrahepaticMetastasis { get; init; }

    [Column("location"), Label("Location of primary tumor")]
    public required Location Location { get; init; }

    [Column("primary_diameter_mm"), Label("Diameter of primary tumor"), Unit("mm"), Range(0, 300)]
    public double? PrimaryDiameter { get; init; }

    [Column("hm_diameter_mm"), Label("Maximum diameter of HM"), Unit("mm"), Range(0, 300)]
    public double? HmDiameter { get; init; }

    /// <summary>WHO 2019 grade; missing means the pathological stage is unknown (an exclusion).</summary>
    [Column("grade"), Label("Pathological grading")]
    public Grade? Grade { get; init; }

    [Column("functioning"), Label("Functioning tumors")]
    public required bool Functioning { get; init; }

    [Column("men1_vhl"), Label("MEN1 or VHL")]
    public bool? Men1OrVhl { get; init; }

    [Column("lymph_node_mets"), Label("Lymph node metastasis")]
    public bool? LymphNodeMetastasis { get; init; }

    [Column("surgery"), Label("Surgical treatment")]
    public required Surgery Surgery { get; init; }

    [Column("ssa"), Label("SSA")]
    public required bool SomatostatinAnalogues { get; init; }

    [Column("targeted_therapy"), Label("Molecular target therapy")]
    public required bool TargetedTherapy { get; init; }

    [Column("chemotherapy"), Label("Chemotherapy")]
    public required bool Chemotherapy { get; init; }

    [Column("tace"), Label("TACE")]
    public required bool Tace { get; init; }

    [Column("rfa"), Label("RFA")]
    public required bool Rfa { get; init; }

    [Column("os_months"), SurvivalTime(Unit = "months"), Label("Overall survival")]
    public required double OsMonths { get; init; }

    [Column("died"), Event, Label("Death")]
    public required bool Died { get; init; }

    [Column("metachronous"), Label("Metachronous hepatic metastasis")]
    public required bool Metachronous { get; init; }

    [Column("hepatic_without_primary"), Label("Hepatic resection without primary resection")]
    public required bool HepaticResectionWithoutPrimary { get; init; }

    [Column("perioperative_death"), Label("Perioperative death from improper operation")]
    public required bool PerioperativeDeath { get; init; }

    /// <summary>Synthetic (Data/README.md): months from diagnosis to surgery of the resected; missing for NR.</summary>
    [Column("months_to_surgery"), Label("Months from diagnosis to surgery"), Unit("months"), Range(0, 300)]
    public double? MonthsToSurgery { get; init; }
}
