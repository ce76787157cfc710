namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>The codebook of tests/TestData/formats/cohort.* (SPSS, Stata, Excel, Parquet and CSV). Its
/// enums bind in both ways a labelled file allows: <see cref="CohortArm"/> by the labels, whose members
/// it names differently, and <see cref="CohortSex"/> and <see cref="CohortStage"/> by their codes alone
/// (<c>[Code]</c>), their labels being other words; <see cref="CohortSmoker"/> by label.</summary>
[Codebook]
public partial record CohortPatient
{
    [Column("id"), Id] public required string Id { get; init; }

    [Column("time"), SurvivalTime(Unit = "days")] public required double Time { get; init; }

    [Column("status"), Event] public required bool Died { get; init; }

    [Column("trt")] public required CohortArm Arm { get; init; }

    [Column("sex")] public required CohortSex Sex { get; init; }

    [Column("stage")] public CohortStage? Stage { get; init; }

    [Column("karno")] public required int Karnofsky { get; init; }

    [Column("age")] public double? Age { get; init; }

    [Column("smoker")] public CohortSmoker? Smoker { get; init; }

    [Column("centre")] public required string Centre { get; init; }

    [Column("diagnosed")] public required DateOnly Diagnosed { get; init; }

    [Column("score")] public required decimal Score { get; init; }

    [Column("note")] public string? Note { get; init; }
}

public enum CohortArm
{
    [Label("standard")] Standard,
    [Label("test")] Experimental,
}

/// <summary>Bound by code only: the file's labels are Male and Female.</summary>
public enum CohortSex
{
    [Code("1")] M,
    [Code("2")] F,
}

public enum CohortStage
{
    [Code("1")] Sq,
    [Code("2")] Sc,
    [Code("3")] Ad,
    [Code("4")] Lc,
}

public enum CohortSmoker
{
    No,
    Yes,
}

/// <summary>The same file bound by labels only, as a CSV file of it can be read too.</summary>
[Codebook]
public partial record CohortByLabel
{
    [Column("id"), Id] public required string Id { get; init; }

    [Column("time"), SurvivalTime(Unit = "days")] public required double Time { get; init; }

    [Column("status"), Event] public required bool Died { get; init; }

    [Column("trt")] public required CohortArm Arm { get; init; }

    [Column("sex")] public required CohortSexByLabel Sex { get; init; }

    [Column("stage")] public CohortCellType? Stage { get; init; }

    [Column("karno")] public required int Karnofsky { get; init; }

    [Column("age")] public double? Age { get; init; }

    [Column("smoker")] public CohortSmoker? Smoker { get; init; }

    [Column("centre")] public required string Centre { get; init; }

    [Column("diagnosed")] public required DateOnly Diagnosed { get; init; }

    [Column("score")] public required double Score { get; init; }

    [Column("note")] public string? Note { get; init; }
}

public enum CohortSexByLabel
{
    Male,
    Female,
}

public enum CohortCellType
{
    Squamous,
    Smallcell,
    Adeno,
    Large,
}
