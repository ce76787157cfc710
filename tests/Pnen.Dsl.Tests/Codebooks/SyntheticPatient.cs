using Pnen.Dsl;

namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>The columns of tests/TestData/weighting/pnen-synthetic.csv: the example's synthetic pNEN cohort
/// (three surgical arms), as weighting/make-reference.R subsets it.</summary>
[Codebook]
public partial record SyntheticPatient
{
    [Id, Column("id")]
    public required string Id { get; init; }

    [Column("sex"), Label("Gender")]
    public required SyntheticSex Sex { get; init; }

    [Column("age"), Label("Age, y"), Unit("years"), Range(0, 110)]
    public required double Age { get; init; }

    [Column("location"), Label("Location of primary tumor")]
    public required SyntheticLocation Location { get; init; }

    [Column("hm_diameter_mm"), Label("Maximum diameter of HM"), Unit("mm"), Range(0, 300)]
    public double? HmDiameter { get; init; }

    [Column("grade"), Label("Pathological grading")]
    public SyntheticGrade? Grade { get; init; }

    [Column("surgery"), Label("Surgical treatment")]
    public required SyntheticSurgery Surgery { get; init; }

    [Column("os_months"), SurvivalTime(Unit = "months"), Label("Overall survival")]
    public required double OsMonths { get; init; }

    [Column("died"), Event, Label("Death")]
    public required bool Died { get; init; }
}

public enum SyntheticSex
{
    Male,
    Female,
}

public enum SyntheticLocation
{
    HeadNeck,
    BodyTail,
    Diffused,
}

public enum SyntheticGrade
{
    G1,
    G2,
    G3,
    NEC,
}

public enum SyntheticSurgery
{
    NR,
    PR,
    PHR,
}
