using PnenSurgery.Synthesis.Cohort;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// The final cohort as the paper analyses it: every characteristic of Tables 2 and 3 cut as the
/// paper cuts it (age 60, diameters 40 mm), and the rows of each subgroup, defined from the
/// variables exactly as the paper's rules say (not from the generator's cells).
/// </summary>
public sealed class CohortFrame
{
    public CohortFrame(IReadOnlyList<Baseline> patients)
    {
        Count = patients.Count;
        Surgery = Make("surgery", ["NR", "PR", "PHR"], patients, p => (int)p.Surgery);
        Sex = Make("gender", ["Male", "Female"], patients, p => (int)p.Sex);
        Age = Make("age", ["<60", ">=60"], patients, p => p.Age >= 60 ? 1 : 0);
        HmDistribution = Make("HM distribution", ["Unilobar", "Bilobar"], patients, p => (int)p.HmDistribution);
        Extrahepatic = Make("extrahepatic", ["No", "Yes"], patients, p => p.ExtrahepaticMets ? 1 : 0);
        Location = Make("location", ["HeadNeck", "BodyTail", "Diffused"], patients, p => (int)p.Location);
        PrimaryDiameter = Make("primary diameter", ["<=40", ">40"], patients, p => Cut40(p.PrimaryDiameter));
        HmDiameter = Make("HM diameter", ["<=40", ">40"], patients, p => Cut40(p.HmDiameter));
        Grade = Make("grade", ["G1", "G2", "G3", "NEC"], patients, p => p.Grade is { } g ? (int)g : -1) with { Reference = 3 };
        Functioning = Make("functioning", ["No", "Yes"], patients, p => p.Functioning ? 1 : 0);
        Men1Vhl = Make("MEN1/VHL", ["No", "Yes"], patients, p => Code(p.Men1Vhl));
        LymphNode = Make("lymph node", ["No", "Yes"], patients, p => Code(p.LymphNodeMets));
        Ssa = Make("SSA", ["No", "Yes"], patients, p => p.Ssa ? 1 : 0);
        Targeted = Make("targeted", ["No", "Yes"], patients, p => p.TargetedTherapy ? 1 : 0);
        Chemotherapy = Make("chemotherapy", ["No", "Yes"], patients, p => p.Chemotherapy ? 1 : 0);
        Tace = Make("TACE", ["No", "Yes"], patients, p => p.Tace ? 1 : 0);
        Rfa = Make("RFA", ["No", "Yes"], patients, p => p.Rfa ? 1 : 0);

        bool Pnet(Baseline p) => p.Grade is Cohort.Grade.G1 or Cohort.Grade.G2 or Cohort.Grade.G3;
        BodyTail = Rows(patients, p => Pnet(p) && p.Location == Cohort.Location.BodyTail && !p.ExtrahepaticMets);
        HeadNeck = Rows(patients, p => Pnet(p) && p.Location == Cohort.Location.HeadNeck && !p.ExtrahepaticMets);
        Nec = Rows(patients, p => p.Grade == Cohort.Grade.NEC);
        BodyTailPhr = BodyTail.Where(r => patients[r].Surgery == Arm.PHR).ToArray();
    }

    public int Count { get; }
    public Factor Surgery { get; }
    public Factor Sex { get; }
    public Factor Age { get; }
    public Factor HmDistribution { get; }
    public Factor Extrahepatic { get; }
    public Factor Location { get; }
    public Factor PrimaryDiameter { get; }
    public Factor HmDiameter { get; }
    public Factor Grade { get; }
    public Factor Functioning { get; }
    public Factor Men1Vhl { get; }
    public Factor LymphNode { get; }
    public Factor Ssa { get; }
    public Factor Targeted { get; }
    public Factor Chemotherapy { get; }
    public Factor Tace { get; }
    public Factor Rfa { get; }

    /// <summary>bt-pNET-sHM: pNET (G1-G3), body/tail primary, no extrahepatic metastasis.</summary>
    public int[] BodyTail { get; }

    /// <summary>hn-pNET-sHM: pNET (G1-G3), head/neck primary, no extrahepatic metastasis.</summary>
    public int[] HeadNeck { get; }

    /// <summary>pNEC-sHM: every NEC.</summary>
    public int[] Nec { get; }

    /// <summary>bt-pNET-sHM patients who had PHR (eTable 2).</summary>
    public int[] BodyTailPhr { get; }

    /// <summary>The characteristics of Table 2, in its order.</summary>
    public IReadOnlyList<Factor> Table2Factors =>
    [
        Sex, Age, HmDistribution, Extrahepatic, Location, PrimaryDiameter, HmDiameter, Grade, Functioning,
        Men1Vhl, LymphNode, Surgery, Ssa, Targeted, Chemotherapy, Tace, Rfa,
    ];

    /// <summary>The characteristics of Table 3 that vary within bt-pNET-sHM, in its order.</summary>
    public IReadOnlyList<Factor> Table3Factors =>
    [
        Sex, Age, HmDistribution, PrimaryDiameter, HmDiameter, Grade, Functioning, Men1Vhl, LymphNode,
        Surgery, Ssa, Targeted, Chemotherapy, Tace, Rfa,
    ];

    private static int Cut40(double? mm) => mm is { } v ? (v > 40 ? 1 : 0) : -1;

    private static int Code(bool? value) => value is { } v ? (v ? 1 : 0) : -1;

    private static Factor Make(string name, string[] levels, IReadOnlyList<Baseline> patients, Func<Baseline, int> code) =>
        new(name, levels, patients.Select(code).ToArray());

    private static int[] Rows(IReadOnlyList<Baseline> patients, Func<Baseline, bool> keep) =>
        Enumerable.Range(0, patients.Count).Where(i => keep(patients[i])).ToArray();
}
