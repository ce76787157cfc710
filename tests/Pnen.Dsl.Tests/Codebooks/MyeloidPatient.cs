namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>R survival's <c>myeloid</c> trial (tests/TestData/cox-core/myeloid.csv): a transplant that happens
/// during follow-up, the classic immortal-time example.</summary>
[Codebook(IgnoreExtraColumns = true)]
public partial record MyeloidPatient
{
    [Id, Column("id")]
    public required string Id { get; init; }

    [Column("trt"), Label("Treatment arm")]
    public required MyeloidArm Arm { get; init; }

    [Column("futime"), SurvivalTime(Unit = "days"), Label("Survival")]
    public required double Days { get; init; }

    [Column("death"), Event, Label("Death")]
    public required bool Died { get; init; }

    [Column("txtime"), Label("Days to transplant"), Unit("days")]
    public double? DaysToTransplant { get; init; }

    [Column("transplanted"), Label("Transplant")]
    public required bool Transplanted { get; init; }
}

public enum MyeloidArm
{
    A,
    B,
}
