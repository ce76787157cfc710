namespace Pnen.Synthesis.Tests;

/// <summary>One row of the committed CSV, read independently of the generator's own types.</summary>
public sealed record CohortRow(
    string Id,
    string Center,
    string Sex,
    double Age,
    string HmDistribution,
    bool ExtrahepaticMets,
    string Location,
    double? PrimaryDiameter,
    double? HmDiameter,
    string? Grade,
    bool Functioning,
    bool? Men1Vhl,
    bool? LymphNodeMets,
    string Surgery,
    bool Ssa,
    bool TargetedTherapy,
    bool Chemotherapy,
    bool Tace,
    bool Rfa,
    double OsMonths,
    bool Died,
    bool Metachronous,
    bool HepaticWithoutPrimary,
    bool PerioperativeDeath,
    double? MonthsToSurgery)
{
    public bool IsPnet => Grade is "G1" or "G2" or "G3";

    /// <summary>bt-pNET-sHM, by the paper's rule.</summary>
    public bool InBodyTailPnet => IsPnet && Location == "BodyTail" && !ExtrahepaticMets;

    /// <summary>hn-pNET-sHM, by the paper's rule.</summary>
    public bool InHeadNeckPnet => IsPnet && Location == "HeadNeck" && !ExtrahepaticMets;

    /// <summary>pNEC-sHM, by the paper's rule.</summary>
    public bool InNec => Grade == "NEC";
}
