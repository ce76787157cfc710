namespace PnenSurgery.Synthesis.Survival;

/// <summary>
/// The log hazard ratios of the generating model, by index into <see cref="SurvivalParameters.Beta"/>.
/// Surgery effects differ by subgroup (bt-pNET, hn-pNET; none for NEC); a large HM (> 40 mm) has
/// an extra effect after PHR (the paper's eTable 2: within bt-pNET PHR, HM &lt;= 40 mm has HR 0.131).
/// Grades are relative to NEC, as in the paper's Table 2.
/// </summary>
public static class Coefficient
{
    public const int PrBodyTail = 0;
    public const int PhrBodyTail = 1;
    public const int PrHeadNeck = 2;
    public const int PhrHeadNeck = 3;
    public const int Age60OrOver = 4;
    public const int Extrahepatic = 5;
    public const int HmOver40 = 6;
    public const int HmOver40AfterPhr = 7;
    public const int G1 = 8;
    public const int G2 = 9;
    public const int G3 = 10;
    public const int Ssa = 11;
    public const int Chemotherapy = 12;
    public const int HmOver40BodyTail = 13;
    public const int HeadNeckPnet = 14;
    public const int Count = 15;

    public static readonly IReadOnlyList<string> Names =
    [
        "PR (bt-pNET)", "PHR (bt-pNET)", "PR (hn-pNET)", "PHR (hn-pNET)", "age >= 60", "extrahepatic metastasis",
        "HM > 40 mm", "HM > 40 mm x PHR", "G1 vs NEC", "G2 vs NEC", "G3 vs NEC", "SSA", "chemotherapy",
        "HM > 40 mm x bt-pNET", "hn-pNET (vs bt-pNET)",
    ];
}
