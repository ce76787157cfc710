using Pnen.Dsl;

namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>A small codebook using every feature, for the loader's error tests.</summary>
[Codebook(MissingValues = new[] { "", "NA", "." })]
public partial record TrialPatient
{
    [Id, Column("patient_id")]
    public required string Id { get; init; }

    [Label("Treatment arm")]
    public required Arm Arm { get; init; }

    [Label("Age, y"), Unit("years"), Range(18, 100)]
    public required double Age { get; init; }

    [Column("hm.diameter"), Unit("mm"), Range(0, 200)]
    public double? HmDiameter { get; init; }

    public int? Ecog { get; init; }

    public string? Centre { get; init; }

    public bool? Smoker { get; init; }

    public DateOnly? Diagnosed { get; init; }

    [SurvivalTime(Unit = "months")]
    public required double Months { get; init; }

    [Event]
    public required bool Died { get; init; }
}

public enum Arm
{
    [Label("Standard care")] Standard,
    [Code("2")] Experimental,
}
