using Pnen.Dsl;

namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>Veterans' Administration lung cancer trial (R survival::veteran).</summary>
[Codebook]
public partial record VeteranPatient
{
    [Column("trt"), Label("Treatment")]
    public required Treatment Treatment { get; init; }

    [Column("celltype"), Label("Cell type")]
    public required CellType CellType { get; init; }

    [SurvivalTime(Unit = "days"), Column("time")]
    public required int Time { get; init; }

    [Event, Column("status"), Label("Death")]
    public required bool Died { get; init; }

    [Column("karno"), Label("Karnofsky performance score"), Range(0, 100)]
    public required int Karnofsky { get; init; }

    [Column("diagtime"), Label("Months from diagnosis to randomisation"), Unit("months")]
    public required int MonthsFromDiagnosis { get; init; }

    [Label("Age, y"), Unit("years")]
    public required int Age { get; init; }

    [Column("prior"), Label("Prior therapy")]
    public required PriorTherapy PriorTherapy { get; init; }
}

public enum Treatment
{
    [Label("Standard"), Code("1")] Standard,
    [Label("Test"), Code("2")] Test,
}

public enum CellType
{
    [Label("Squamous")] Squamous,
    [Label("Small cell")] SmallCell,
    [Label("Adenocarcinoma")] Adeno,
    [Label("Large cell")] Large,
}

/// <summary>veteran.csv codes prior therapy as 0 (no) and 10 (yes).</summary>
public enum PriorTherapy
{
    [Code("0")] No,
    [Code("10")] Yes,
}
