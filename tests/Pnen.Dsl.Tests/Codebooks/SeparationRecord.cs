using Pnen.Dsl;

namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>Synthetic monotone likelihood (TestData/cox-checks/firth-separation.csv, written by
/// cox-checks/make-reference.R): every exposed record is censored, so the exposure's hazard ratio runs
/// off to zero; w is noise.</summary>
[Codebook]
public partial record SeparationRecord
{
    [SurvivalTime(Unit = "months"), Column("time"), Label("Time")]
    public required double Time { get; init; }

    [Event, Column("event"), Label("Event")]
    public required bool Died { get; init; }

    [Column("exposed"), Label("Exposed")]
    public required bool Exposed { get; init; }

    [Column("w"), Label("Noise")]
    public required double W { get; init; }
}
