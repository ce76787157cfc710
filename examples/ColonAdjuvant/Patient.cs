using Pnen.Dsl;

namespace ColonAdjuvant;

/// <summary>
/// The codebook of the NCCTG/Intergroup adjuvant colon cancer trial (R survival's <c>colon</c>, death
/// records): one record per patient, columns as Data/colon-deaths.csv has them.
/// </summary>
[Codebook]
public partial record Patient
{
    [Id, Column("id")]
    public required string Id { get; init; }

    [Column("rx"), Label("Treatment")]
    public required Treatment Treatment { get; init; }

    [Column("sex"), Label("Sex")]
    public required Sex Sex { get; init; }

    [Column("age"), Label("Age, y"), Unit("years"), Range(18, 100)]
    public required int Age { get; init; }

    [Column("obstruct"), Label("Obstruction of the colon")]
    public required bool Obstruction { get; init; }

    [Column("perfor"), Label("Perforation of the colon")]
    public required bool Perforation { get; init; }

    [Column("adhere"), Label("Adherence to nearby organs")]
    public required bool Adherence { get; init; }

    [Column("nodes"), Label("Positive lymph nodes"), Range(0, 50)]
    public int? Nodes { get; init; }

    [Column("node4"), Label("More than 4 positive nodes")]
    public required bool MoreThanFourNodes { get; init; }

    [Column("differ"), Label("Differentiation")]
    public Differentiation? Differentiation { get; init; }

    [Column("extent"), Label("Extent of local spread")]
    public required Extent Extent { get; init; }

    [Column("surg"), Label("Time from surgery to registration")]
    public required SurgeryDelay SurgeryDelay { get; init; }

    [Column("time"), SurvivalTime(Unit = "days"), Label("Overall survival")]
    public required int Days { get; init; }

    [Column("status"), Event, Label("Death")]
    public required bool Died { get; init; }
}
