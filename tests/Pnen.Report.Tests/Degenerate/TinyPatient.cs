using Pnen.Dsl;

namespace Pnen.Report.Tests.Degenerate;

/// <summary>A codebook for deliberately degenerate cohorts: an identifier, a four-level arm (one level
/// never used), a grade that may be missing, a covariate that is the same for everyone.</summary>
[Codebook]
public partial record TinyPatient
{
    [Id, Column("id")]
    public required string Id { get; init; }

    [Column("arm"), Label("Arm")]
    public required TinyArm Arm { get; init; }

    [Column("grade"), Label("Grade")]
    public TinyGrade? Grade { get; init; }

    [Column("age"), Label("Age, y"), Unit("years")]
    public required double Age { get; init; }

    [Column("site"), Label("Site")]
    public required double Site { get; init; }

    [Column("months"), SurvivalTime(Unit = "months")]
    public required double Months { get; init; }

    [Column("died"), Event, Label("Death")]
    public required bool Died { get; init; }
}

public enum TinyArm
{
    [Label("Arm A")] A,
    [Label("Arm B")] B,
    [Label("Arm C")] C,
    [Label("Never used")] Unused,
}

public enum TinyGrade
{
    [Label("G1")] G1,
    [Label("G2")] G2,
}
