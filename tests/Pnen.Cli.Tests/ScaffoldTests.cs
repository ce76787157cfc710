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
                [Column("trt")]
                public required int Trt { get; init; }

                [Column("celltype")]
                public required Celltype Celltype { get; init; }

                // observed 1 to 999
                [Column("time"), SurvivalTime]
                public required double Time { get; init; }

                // check that 1 means the event happened (R's 1/2 status coding is not accepted)
                [Column("status"), Event]
                public required bool Status { get; init; }

                // observed 10 to 99
                [Column("karno")]
                public required int Karno { get; init; }

                // observed 1 to 87
                [Column("diagtime")]
                public required int Diagtime { get; init; }

                // observed 34 to 81
                [Column("age")]
                public required int Age { get; init; }

                // observed 0 to 10
                [Column("prior")]
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
        Assert.Contains("    // observed 1 to 33\n    [Column(\"inst\")]\n    public int? Inst { get; init; }\n", code);
        Assert.Contains("    // observed 5 to 1022\n    [Column(\"time\"), SurvivalTime]\n    public required double Time { get; init; }\n", code);
        Assert.Contains("    // observed 0 to 3\n    [Column(\"ph.ecog\")]\n    public int? PhEcog { get; init; }\n", code);
        Assert.Contains("    [Column(\"meal.cal\")]\n    public int? MealCal { get; init; }\n", code);
        Assert.Contains("    // observed -24 to 68\n    [Column(\"wt.loss\")]\n    public int? WtLoss { get; init; }\n", code);
        Assert.Contains("    [Column(\"event\"), Event]\n    public required bool Event { get; init; }\n", code);
        Assert.Contains("    [Column(\"sex\")]\n    public required int Sex { get; init; }\n", code); // coded 1/2: an integer until someone writes the enum
    }

    [Fact]
    public void TextLevelsBecomeAnEnumWithLabelsWhereNeeded()
    {
        var path = Csv("arms.csv", "patient_id,Arm,OS months,Vital status,Smoker,Notes\n" +
            "a1,Lev+5FU,10.5,1,yes,x\na2,Obs,3,0,no,y\na3,Lev,7.25,1,,z\na4,Obs,1,0,no,w\na5,Lev+5FU,2,1,yes,v\na6,Lev,NA,0,no,u\n");
        var code = CodebookScaffolder.Scaffold(path, "Trial");

        Assert.Contains("    [Column(\"patient_id\"), Id]\n    public required string PatientId { get; init; }\n", code);
        Assert.Contains("    [Column(\"Arm\")]\n    public required Arm Arm { get; init; }\n", code);
        Assert.Contains("public enum Arm\n{\n    Lev,\n    [Label(\"Lev+5FU\")] Lev5FU,\n    Obs,\n}\n", code);
        Assert.Contains("    [Column(\"OS months\"), SurvivalTime(Unit = \"months\")]\n    public double? OSMonths { get; init; }\n", code);
        Assert.Contains("    [Column(\"Vital status\"), Event]\n    public required bool VitalStatus { get; init; }\n", code);
        Assert.Contains("    [Column(\"Smoker\")]\n    public bool? Smoker { get; init; }\n", code);
        Assert.Contains("    // 6 distinct values\n    [Column(\"Notes\")]\n    public required string Notes { get; init; }\n", code);
    }

    [Fact]
    public void NamesAreMadeValidAndUnique()
    {
        var path = Csv("odd.csv", "5-FU dose,class,Class!,Trial,(),level\n1.5,a,b,c,d,1 or 2\n2.5,a,b,c,d,<60\n");
        var code = CodebookScaffolder.Scaffold(path, "Trial");

        Assert.Contains("[Column(\"5-FU dose\")]\n    public required double _5FUDose { get; init; }", code);
        Assert.Contains("[Column(\"class\")]\n    public required string Class { get; init; }", code);
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

    [Fact]
    public void AnSpssFileGivesLabelsAndEnumsWithCodesInCodeOrder()
    {
        // make-fixtures.R: trt labelled 1 = standard, 2 = test; stage 1-4 with 9 = Unknown declared missing;
        // karno labelled on 10 and 100 only; variable labels on most columns.
        var code = CodebookScaffolder.Scaffold(Path.Combine(AppContext.BaseDirectory, "TestData", "formats", "cohort.sav"));

        Assert.Contains("    [Column(\"trt\"), Label(\"Treatment arm\")]\n    public required Trt Trt { get; init; }\n", code);
        Assert.Contains("public enum Trt\n{\n    [Code(\"1\")] Standard,\n    [Code(\"2\")] Test,\n}\n", code);
        // The data's order (codes 1..4), not the alphabet's; the label of the missing code 9 is no member.
        Assert.Contains("public enum Stage\n{\n    [Code(\"1\")] Squamous,\n    [Code(\"2\")] Smallcell,\n    [Code(\"3\")] Adeno,\n    [Code(\"4\")] Large,\n}\n", code);
        Assert.Contains("    [Column(\"stage\"), Label(\"Cell type\")]\n    public Stage? Stage { get; init; }\n", code);
        Assert.Contains("labelled on some values only: 10 = Moribund, 100 = Normal\n    [Column(\"karno\"), Label(\"Karnofsky score\")]\n    public required int Karno { get; init; }\n", code);
        Assert.Contains("    // dates (yyyy-MM-dd)\n    [Column(\"diagnosed\"), Label(\"Date of diagnosis\")]\n    public required DateOnly Diagnosed { get; init; }\n", code);
        Assert.Contains("    [Column(\"time\"), Label(\"Survival time, days\"), SurvivalTime(Unit = \"days\")]\n", code);
        Assert.DoesNotContain("Unknown", code);
    }

    [Fact]
    public void AStataFileGivesTheSameCodebookAsItsSpssTwin()
    {
        // The same data and labels; Stata marks the missing stage .u and the refused smoker .a instead of 9 and 8.
        var spss = CodebookScaffolder.Scaffold(Path.Combine(AppContext.BaseDirectory, "TestData", "formats", "cohort.sav"));
        var stata = CodebookScaffolder.Scaffold(Path.Combine(AppContext.BaseDirectory, "TestData", "formats", "cohort-118.dta"));
        Assert.Equal(spss.Replace("cohort.sav", "cohort-118.dta", StringComparison.Ordinal), stata);
    }

    [Fact]
    public void ALabelledEventBecomesABooleanReadByItsCodes()
    {
        var code = CodebookScaffolder.Scaffold(Path.Combine(AppContext.BaseDirectory, "TestData", "formats", "event-labelled.sav"));
        Assert.Contains("    // labelled 0 = Alive, 1 = Dead; 1 must mean the event happened\n    [Column(\"status\"), Label(\"Vital status\"), Event]\n    public required bool Status { get; init; }\n", code);
    }

    [Fact]
    public void RsRowNamesAreLeftOutAndIgnored()
    {
        // write.csv(x) without row.names = FALSE: a first column with an empty name holding "1", "2", ...
        var path = Csv("rownames.csv", "\"\",\"time\",\"status\"\n\"1\",5,1\n\"2\",8,0\n\"3\",3,1\n");
        var code = CodebookScaffolder.Scaffold(path);

        Assert.Contains("// The first column has no name: R's row names (write.csv(..., row.names = FALSE) leaves them out). It is ignored.\n[Codebook(IgnoreExtraColumns = true)]\n", code);
        Assert.DoesNotContain("Column(\"\")", code);
        Assert.Contains("[Column(\"time\"), SurvivalTime]", code);
    }
}
