using Pnen.Dsl;

namespace Pnen.Dsl.Tests.Codebooks;

/// <summary>NCCTG advanced lung cancer (R survival::lung), with the file's own column names.</summary>
[Codebook]
public partial record LungPatient
{
    [Column("inst"), Label("Institution code")]
    public int? Institution { get; init; }

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

    [Column("pat.karno"), Label("Karnofsky score (patient)"), Range(0, 100)]
    public int? PatKarno { get; init; }

    [Column("meal.cal"), Label("Calories consumed at meals"), Unit("kcal")]
    public double? MealCal { get; init; }

    [Column("wt.loss"), Label("Weight loss in the last six months"), Unit("lb")]
    public double? WtLoss { get; init; }

    [Event, Column("event"), Label("Death")]
    public required bool Died { get; init; }
}

/// <summary>Sex as lung.csv codes it: 1 male, 2 female.</summary>
public enum Sex
{
    [Code("1")] Male,
    [Code("2")] Female,
}
