namespace PnenSurgery.Synthesis.Cohort;

/// <summary>
/// Everything known about a patient at diagnosis and the treatments received: every CSV column
/// except the id and the outcome. Null marks a missing value.
/// </summary>
public sealed record Baseline
{
    public required Centre Centre { get; init; }
    public required Sex Sex { get; init; }
    public required double Age { get; init; }
    public required HmDistribution HmDistribution { get; init; }
    public required bool ExtrahepaticMets { get; init; }
    public required Location Location { get; init; }
    public required double? PrimaryDiameter { get; init; }
    public required double? HmDiameter { get; init; }

    /// <summary>Whether the largest HM is over 40 mm, also when its diameter was not recorded:
    /// the survival model needs the true value; the CSV shows only the recorded one.</summary>
    public required bool HmOver40 { get; init; }

    public required Grade? Grade { get; init; }
    public required bool Functioning { get; init; }
    public required bool? Men1Vhl { get; init; }
    public required bool? LymphNodeMets { get; init; }
    public required Arm Surgery { get; init; }
    public required bool Ssa { get; init; }
    public required bool TargetedTherapy { get; init; }
    public required bool Chemotherapy { get; init; }
    public required bool Tace { get; init; }
    public required bool Rfa { get; init; }
    public required bool Metachronous { get; init; }
    public required bool HepaticWithoutPrimary { get; init; }
    public required bool PerioperativeDeath { get; init; }
    public required EffectGroup EffectGroup { get; init; }

    /// <summary>Whether the patient passes all four exclusions of the flowchart.</summary>
    public bool InFinalCohort => !Metachronous && Grade is not null && !HepaticWithoutPrimary && !PerioperativeDeath;
}
