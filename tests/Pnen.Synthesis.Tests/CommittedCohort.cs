using System.Globalization;

namespace Pnen.Synthesis.Tests;

/// <summary>
/// The committed CSV (copied next to the tests by the project file), parsed strictly: the
/// exact header, 24 fields a row, only the values the README documents. Any surprise throws.
/// </summary>
public static class CommittedCohort
{
    public static readonly string[] Header =
    [
        "id", "center", "sex", "age", "hm_distribution", "extrahepatic_mets", "location", "primary_diameter_mm",
        "hm_diameter_mm", "grade", "functioning", "men1_vhl", "lymph_node_mets", "surgery", "ssa", "targeted_therapy",
        "chemotherapy", "tace", "rfa", "os_months", "died", "metachronous", "hepatic_without_primary", "perioperative_death",
        "months_to_surgery",
    ];

    private static readonly Lazy<IReadOnlyList<CohortRow>> Rows = new(() => Parse(File.ReadAllText(Path)));

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Cohort", "pnen-shm-synthetic.csv");

    public static IReadOnlyList<CohortRow> All => Rows.Value;

    /// <summary>The 163 patients left after the four exclusions, in file order.</summary>
    public static IReadOnlyList<CohortRow> Final =>
        All.Where(r => !r.Metachronous && r.Grade is not null && !r.HepaticWithoutPrimary && !r.PerioperativeDeath).ToList();

    public static IReadOnlyList<CohortRow> Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines[^1] != "") throw new FormatException("the file must end with a line break");
        if (string.Join(',', Header) != lines[0]) throw new FormatException($"unexpected header: {lines[0]}");
        return lines.Skip(1).Take(lines.Length - 2).Select(Row).ToList();
    }

    private static CohortRow Row(string line)
    {
        var f = line.Split(',');
        if (f.Length != Header.Length) throw new FormatException($"{f.Length} fields in '{line}'");
        return new CohortRow(
            f[0], OneOf(f[1], "PUMCH", "ZSH", "PUTH"), OneOf(f[2], "Male", "Female"), Number(f[3]),
            OneOf(f[4], "Unilobar", "Bilobar"), Bit(f[5]), OneOf(f[6], "HeadNeck", "BodyTail", "Diffused"),
            OptionalNumber(f[7]), OptionalNumber(f[8]), f[9] == "" ? null : OneOf(f[9], "G1", "G2", "G3", "NEC"),
            Bit(f[10]), OptionalBit(f[11]), OptionalBit(f[12]), OneOf(f[13], "NR", "PR", "PHR"), Bit(f[14]), Bit(f[15]),
            Bit(f[16]), Bit(f[17]), Bit(f[18]), Number(f[19]), Bit(f[20]), Bit(f[21]), Bit(f[22]), Bit(f[23]),
            OptionalNumber(f[24]));
    }

    private static string OneOf(string value, params string[] allowed) =>
        allowed.Contains(value) ? value : throw new FormatException($"'{value}' is not one of {string.Join('/', allowed)}");

    private static bool Bit(string value) => value switch
    {
        "0" => false,
        "1" => true,
        _ => throw new FormatException($"'{value}' is not 0 or 1"),
    };

    private static bool? OptionalBit(string value) => value == "" ? null : Bit(value);

    private static double Number(string value)
    {
        // One decimal, invariant culture: "12.3", never "12.30", "12" or "12,3".
        var dot = value.IndexOf('.');
        if (dot < 1 || dot != value.Length - 2) throw new FormatException($"'{value}' does not have exactly one decimal");
        return double.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static double? OptionalNumber(string value) => value == "" ? null : Number(value);
}
