namespace Pnen.Synthesis.Tests;

/// <summary>
/// The paper's characteristics by their names in published.json, each as a function from a row
/// to its level as the paper labels it (null = missing). Cut points as the paper's: age 60,
/// diameters 40 mm (&lt;= 40 is the lower class).
/// </summary>
public static class Characteristics
{
    public static readonly IReadOnlyDictionary<string, Func<CohortRow, string?>> ByVariable = new Dictionary<string, Func<CohortRow, string?>>
    {
        ["Gender"] = r => r.Sex,
        ["Age, y"] = r => r.Age < 60 ? "<60" : ">=60",
        ["HM distribution"] = r => r.HmDistribution,
        ["Baseline extrahepatic metastasis"] = r => YesNo(r.ExtrahepaticMets),
        ["Location of primary tumor"] = r => r.Location switch { "HeadNeck" => "Head/neck", "BodyTail" => "Body/tail", _ => "Diffused" },
        ["Diameter of primary tumor"] = r => Cut40(r.PrimaryDiameter),
        ["Maximum diameter of HM"] = r => Cut40(r.HmDiameter),
        ["Pathological grading"] = r => r.Grade,
        ["Functioning tumors"] = r => YesNo(r.Functioning),
        ["MEN1 or VHL"] = r => YesNo(r.Men1Vhl),
        ["Lymph node metastasis"] = r => YesNo(r.LymphNodeMets),
        ["Surgical treatment"] = r => r.Surgery,
        ["SSA"] = r => YesNo(r.Ssa),
        ["Molecular target therapy"] = r => YesNo(r.TargetedTherapy),
        ["Chemotherapy"] = r => YesNo(r.Chemotherapy),
        ["TACE"] = r => YesNo(r.Tace),
        ["RFA"] = r => YesNo(r.Rfa),
    };

    public static int Count(IEnumerable<CohortRow> rows, string variable, string level) =>
        rows.Count(r => ByVariable[variable](r) == level);

    private static string? YesNo(bool? value) => value switch { true => "Yes", false => "No", null => null };

    private static string? Cut40(double? mm) => mm switch { null => null, <= 40 => "<=40 mm", _ => ">40 mm" };
}
