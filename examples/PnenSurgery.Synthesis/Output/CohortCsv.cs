using System.Globalization;
using System.Text;
using PnenSurgery.Synthesis.Cohort;

namespace PnenSurgery.Synthesis.Output;

/// <summary>
/// The CSV as committed: a fixed header, invariant culture, one decimal for every measurement,
/// "\n" line ends, an empty field for a missing value, UTF-8 without BOM (ASCII in practice).
/// </summary>
public static class CohortCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "id", "center", "sex", "age", "hm_distribution", "extrahepatic_mets", "location", "primary_diameter_mm",
        "hm_diameter_mm", "grade", "functioning", "men1_vhl", "lymph_node_mets", "surgery", "ssa", "targeted_therapy",
        "chemotherapy", "tace", "rfa", "os_months", "died", "metachronous", "hepatic_without_primary", "perioperative_death",
        "months_to_surgery",
    ];

    public static string Write(IReadOnlyList<PatientRow> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Header)).Append('\n');
        foreach (var row in rows)
        {
            var p = row.Baseline;
            string[] fields =
            [
                row.Id, p.Centre.ToString(), p.Sex.ToString(), Decimal(p.Age), p.HmDistribution.ToString(), Bit(p.ExtrahepaticMets),
                p.Location.ToString(), Decimal(p.PrimaryDiameter), Decimal(p.HmDiameter), p.Grade?.ToString() ?? "", Bit(p.Functioning),
                Bit(p.Men1Vhl), Bit(p.LymphNodeMets), p.Surgery.ToString(), Bit(p.Ssa), Bit(p.TargetedTherapy),
                Bit(p.Chemotherapy), Bit(p.Tace), Bit(p.Rfa), Decimal(row.Outcome.OsMonths), Bit(row.Outcome.Died),
                Bit(p.Metachronous), Bit(p.HepaticWithoutPrimary), Bit(p.PerioperativeDeath), Decimal(row.MonthsToSurgery),
            ];
            text.Append(string.Join(',', fields)).Append('\n');
        }
        return text.ToString();
    }

    public static byte[] Bytes(IReadOnlyList<PatientRow> rows) => new UTF8Encoding(false).GetBytes(Write(rows));

    private static string Decimal(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";

    private static string Bit(bool? value) => value switch { true => "1", false => "0", null => "" };
}
