using Pnen.Dsl;

namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>NCCTG advanced lung cancer (R survival::lung) with its institution as a category, the
/// cluster of a robust variance (R's <c>cluster = inst</c>). Other columns of lung.csv are not read.</summary>
[Codebook(IgnoreExtraColumns = true)]
public partial record LungCentrePatient
{
    [Column("inst"), Label("Institution")]
    public Institution? Institution { get; init; }

    [SurvivalTime(Unit = "days"), Column("time"), Label("Survival time")]
    public required double Time { get; init; }

    [Label("Age, y"), Unit("years"), Range(18, 100)]
    public required double Age { get; init; }

    [Label("Sex")]
    public required Sex Sex { get; init; }

    [Column("ph.ecog"), Label("ECOG performance score (physician)"), Range(0, 5)]
    public int? PhEcog { get; init; }

    [Column("ph.karno"), Label("Karnofsky score (physician)"), Range(0, 100)]
    public int? PhKarno { get; init; }

    [Column("wt.loss"), Label("Weight loss in the last six months"), Unit("lb")]
    public double? WtLoss { get; init; }

    [Event, Column("event"), Label("Death")]
    public required bool Died { get; init; }
}

/// <summary>The 18 institutions of lung.csv, by their codes.</summary>
public enum Institution
{
    [Code("1")] I1, [Code("2")] I2, [Code("3")] I3, [Code("4")] I4, [Code("5")] I5, [Code("6")] I6,
    [Code("7")] I7, [Code("10")] I10, [Code("11")] I11, [Code("12")] I12, [Code("13")] I13, [Code("15")] I15,
    [Code("16")] I16, [Code("21")] I21, [Code("22")] I22, [Code("26")] I26, [Code("32")] I32, [Code("33")] I33,
}
