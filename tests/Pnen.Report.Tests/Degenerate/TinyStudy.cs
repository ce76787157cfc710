using System.Globalization;
using System.Text;
using Pnen.Dsl;

namespace Pnen.Report.Tests.Degenerate;

/// <summary>
/// A deliberately degenerate study: nine patients; an arm nobody is in; an arm without events (its
/// hazard ratio runs off to infinity); a covariate that is the same for everyone and one that is
/// missing for some; subgroups with no events, with nobody, with one patient, with one arm only; an
/// analysis within a selection where the effect has a single level. Every step must give a defined
/// answer and the report must say what could not be computed, never print NaN or infinity.
/// </summary>
internal static class TinyStudy
{
    public const string Header = "id,arm,grade,age,site,months,died";

    /// <summary>Identifiers that must never reach a report: distinctive, so a search cannot hit by chance.</summary>
    public static readonly string[] Ids = Enumerable.Range(1, 9).Select(i => $"PID-{i:00}-QX7Z").ToArray();

    public static string Csv()
    {
        string[] rows =
        [
            "A,G1,54,1,3.5,1",
            "A,G2,61,1,7.25,1",
            "A,,70,1,12,0",
            "A,G1,48,1,15.5,1",
            "B,G1,66,1,4,0",
            "B,G2,59,1,9,0",
            "B,G1,72,1,20,0",
            "C,G1,45,1,2,1",
            "C,G1,80,1,6,1",
        ];
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < rows.Length; i++) text.Append(Ids[i]).Append(',').Append(rows[i]).Append('\n');
        return text.ToString();
    }

    public static CodebookData<TinyPatient> Data() => Codebook.Load<TinyPatient>(new StringReader(Csv()), "tiny.csv");

    public static StudyPlan<TinyPatient, TinyArm> Plan => Study.Of<TinyPatient>("A degenerate study")
        .Survival(p => p.Months, p => p.Died)
        .Exclude("Nobody is excluded", p => false)
        .Exposure(p => p.Arm, reference: TinyArm.A)
        .Characteristic(p => p.Grade)
        .Characteristic(p => p.Age.Below(60, "<60", ">=60"), label: "Age group")
        .Characteristic(p => (double?)p.Site, label: "Site")
        .Characteristic(p => (double?)p.Age, label: "Age, y", name: "AgeYears")
        .BaselineTable()
        .Univariate()
        .Model("Adjusted", Cox.Efron, m => m.Adjust(p => p.Grade, p => p.Site, p => p.Age))
        .Subgroup("Arm B only", p => p.Arm == TinyArm.B)
        .Subgroup("Nobody", p => false)
        .Subgroup("One patient", p => p.Id == Ids[0])
        .Subgroup("Grade known", p => p.Grade is not null, s => s.WithinSelection("Arm C", p => p.Arm == TinyArm.C, e => e.Effect(p => p.Grade, label: "Grade")));

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
