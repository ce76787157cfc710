using Pnen.Dsl;

namespace Pnen_Study1;

/// <summary>
/// The codebook: one property per column of the data file that the study uses. The generator turns it
/// into a strict CSV loader (an unknown level, a missing required value or a number out of range is an
/// error naming the row, column and value) and into the typed variables the plan refers to.
/// [Column] names the file's header when it differs from the property name; a nullable property may be
/// missing. To start a codebook for your own file: pnen scaffold --data my.csv
/// </summary>
[Codebook]
public partial record Patient
{
    [Column("trt"), Label("Treatment")]
    public required Treatment Treatment { get; init; }

    [Column("celltype"), Label("Cell type")]
    public required CellType CellType { get; init; }

    [Column("time"), SurvivalTime(Unit = "days"), Label("Survival")]
    public required int Days { get; init; }

    [Column("status"), Event, Label("Death")]
    public required bool Died { get; init; }

    [Column("karno"), Label("Karnofsky performance score"), Range(0, 100)]
    public required int Karnofsky { get; init; }

    [Column("diagtime"), Label("Months from diagnosis to randomisation"), Unit("months"), Range(0, 120)]
    public required int MonthsFromDiagnosis { get; init; }

    [Column("age"), Label("Age, y"), Unit("years"), Range(18, 100)]
    public required int Age { get; init; }

    [Column("prior"), Label("Prior therapy")]
    public required PriorTherapy PriorTherapy { get; init; }
}
