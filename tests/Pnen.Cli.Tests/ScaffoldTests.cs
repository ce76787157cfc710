using Pnen.Cli.Scaffold;
using Pnen.Data;

namespace Pnen.Cli.Tests;

/// <summary>`pnen scaffold`: a starting codebook inferred from a CSV file. Expected ranges and levels
/// were read off the files independently (R's summary() of the same datasets).</summary>
public sealed class ScaffoldTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-scaffold-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    private string Csv(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Veteran()
    {
        Assert.Equal("""
            // Scaffolded by `pnen scaffold` from veteran.csv (137 rows, 8 columns).
            // A first draft: check each type, add labels, units and ranges, and put the levels in a meaningful order.
            using Pnen.Dsl;

            [Codebook]
            public partial record Patient
            {
                // observed 1 to 2
                public required int Trt { get; init; }

                public required Celltype Celltype { get; init; }

                // observed 1 to 999
                [SurvivalTime]
                public required double Time { get; init; }

                // check that 1 means the event happened (R's 1/2 status coding is not accepted)
                [Event]
                public required bool Status { get; init; }

                // observed 10 to 99
                public required int Karno { get; init; }

                // observed 1 to 87
                public required int Diagtime { get; init; }

                // observed 34 to 81
                public required int Age { get; init; }

                // observed 0 to 10
                public required int Prior { get; init; }
            }

            public enum Celltype
            {
                Adeno,
                Large,
                Smallcell,
                Squamous,
            }

            """.ReplaceLineEndings("\n"), CodebookScaffolder.Scaffold(Data("veteran.csv")));
    }

    [Fact]
    public void LungKeepsItsColumnNamesAndMarksMissingValues()
    {
        var code = CodebookScaffolder.Scaffold(Data("lung.csv"), "LungPatient", "Study.Data");

        Assert.StartsWith("// Scaffolded by `pnen scaffold` from lung.csv (228 rows, 10 columns).\n", code);
        Assert.Contains("namespace Study.Data;\n\n[Codebook]\npublic partial record LungPatient\n{\n", code);
        Assert.Contains("    // observed 1 to 33\n    public int? Inst { get; init; }\n", code);
        Assert.Contains("    // observed 5 to 1022\n    [SurvivalTime]\n    public required double Time { get; init; }\n", code);
        Assert.Contains("    // observed 0 to 3\n    [Column(\"ph.ecog\")]\n    public int? PhEcog { get; init; }\n", code);
        Assert.Contains("    [Column(\"meal.cal\")]\n    public int? MealCal { get; init; }\n", code);
        Assert.Contains("    // observed -24 to 68\n    [Column(\"wt.loss\")]\n    public int? WtLoss { get; init; }\n", code);
        Assert.Contains("    [Event]\n    public required bool Event { get; init; }\n", code);
        Assert.Contains("    public required int Sex { get; init; }\n", code); // coded 1/2: an integer until someone writes the enum
    }

    [Fact]
    public void TextLevelsBecomeAnEnumWithLabelsWhereNeeded()
    {
        var path = Csv("arms.csv", "patient_id,Arm,OS months,Vital status,Smoker,Notes\n" +
            "a1,Lev+5FU,10.5,1,yes,x\na2,Obs,3,0,no,y\na3,Lev,7.25,1,,z\na4,Obs,1,0,no,w\na5,Lev+5FU,2,1,yes,v\na6,Lev,NA,0,no,u\n");
        var code = CodebookScaffolder.Scaffold(path, "Trial");

        Assert.Contains("    [Column(\"patient_id\"), Id]\n    public required string PatientId { get; init; }\n", code);
        Assert.Contains("    public required Arm Arm { get; init; }\n", code);
        Assert.Contains("public enum Arm\n{\n    Lev,\n    [Label(\"Lev+5FU\")] Lev5FU,\n    Obs,\n}\n", code);
        Assert.Contains("    [Column(\"OS months\"), SurvivalTime(Unit = \"months\")]\n    public double? OSMonths { get; init; }\n", code);
        Assert.Contains("    [Column(\"Vital status\"), Event]\n    public required bool VitalStatus { get; init; }\n", code);
        Assert.Contains("    public bool? Smoker { get; init; }\n", code);
        Assert.Contains("    // 6 distinct values\n    public required string Notes { get; init; }\n", code);
    }

    [Fact]
    public void NamesAreMadeValidAndUnique()
    {
        var path = Csv("odd.csv", "5-FU dose,class,Class!,Trial,(),level\n1.5,a,b,c,d,1 or 2\n2.5,a,b,c,d,<60\n");
        var code = CodebookScaffolder.Scaffold(path, "Trial");

        Assert.Contains("public required double _5FUDose { get; init; }", code);
        Assert.Contains("public required string Class { get; init; }", code);
        Assert.Contains("[Column(\"Class!\")]\n    public required string Class2 { get; init; }", code);
        Assert.Contains("[Column(\"Trial\")]\n    public required string Trial2 { get; init; }", code); // a member cannot share the record's name
        Assert.Contains("[Column(\"()\")]\n    public required string Column { get; init; }", code);
    }

    [Fact]
    public void TheSameFileGivesTheSameText()
    {
        Assert.Equal(CodebookScaffolder.Scaffold(Data("lung.csv")), CodebookScaffolder.Scaffold(Data("lung.csv")));
        Assert.DoesNotContain("\r", CodebookScaffolder.Scaffold(Data("lung.csv")));
    }

    [Fact]
    public void AnInvalidRecordNameIsRefused()
    {
        Assert.Throws<ArgumentException>(() => CodebookScaffolder.Scaffold(Data("lung.csv"), "class"));
        Assert.Throws<ArgumentException>(() => CodebookScaffolder.Scaffold(Data("lung.csv"), "2Patients"));
        Assert.Throws<ArgumentException>(() => CodebookScaffolder.Scaffold(Data("lung.csv"), "Patient", "My-Study"));
    }

    [Fact]
    public void AFileThatIsNotThereIsADataError()
    {
        var e = Assert.Throws<DataException>(() => CodebookScaffolder.Scaffold(Path.Combine(_folder, "none.csv")));
        Assert.Contains("file not found", e.Message);
    }
}
