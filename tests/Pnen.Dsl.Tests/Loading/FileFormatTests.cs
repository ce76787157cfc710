using Pnen.Data;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Loading;

/// <summary>
/// A codebook reads SPSS, Stata, Excel and Parquet files (tests/TestData/formats, written by R's haven
/// and openxlsx and by Parquet.Net; see make-fixtures.R) into the same records and columns as the
/// equivalent CSV file. Enums bind by a value label or, through <c>[Code]</c>, by the code behind it;
/// the CSV file holds the labels only, so there the code-bound enums are read from the labels via the
/// SPSS file's codes: the test compares each format with the SPSS file, and the SPSS file's text fields
/// with cohort.csv.
/// </summary>
public sealed class FileFormatTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "formats", name);

    public static TheoryData<string> Files() => new()
    {
        "cohort-uncompressed.sav", "cohort.zsav", "cohort-117.dta", "cohort-118.dta", "cohort-119.dta",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFormatGivesTheSameRecords(string file)
    {
        var expected = Codebook.Load<CohortPatient>(Fixture("cohort.sav"));
        var actual = Codebook.Load<CohortPatient>(Fixture(file));

        Assert.Equal(expected.Rows, actual.Rows);
        SameColumns(expected.Columns, actual.Columns);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void ACodebookOfLabelsReadsEveryFormatAsTheCsvFile(string file)
    {
        var csv = Codebook.Load<CohortByLabel>(Fixture("cohort.csv"));
        var other = Codebook.Load<CohortByLabel>(Fixture(file));

        Assert.Equal(csv.Rows, other.Rows);
        SameColumns(csv.Columns, other.Columns);
    }

    /// <summary>The columnar views hold the same values, levels and codes, column by column.</summary>
    private static void SameColumns(CodebookColumns expected, CodebookColumns actual)
    {
        foreach (var variable in expected.Schema.Variables)
        {
            switch ((expected[variable], actual[variable]))
            {
                case (NumericColumn a, NumericColumn b):
                    Assert.Equal(a.Values, b.Values);
                    break;
                case (CategoricalColumn a, CategoricalColumn b):
                    Assert.Equal(a.Levels, b.Levels);
                    Assert.Equal(a.Codes, b.Codes);
                    break;
                case (EventColumn a, EventColumn b):
                    Assert.Equal(a.Values, b.Values);
                    break;
                case (TextColumn a, TextColumn b):
                    Assert.Equal(a.Values, b.Values);
                    break;
                default:
                    Assert.Fail($"{variable.Name}: different kinds of column");
                    break;
            }
        }
    }

    public static TheoryData<string> AllFiles() => new()
    {
        "cohort.sav", "cohort-uncompressed.sav", "cohort.zsav", "cohort-117.dta", "cohort-118.dta", "cohort-119.dta", "cohort.xlsx", "cohort.parquet",
    };

    [Fact]
    public void LabelsAndCodesBindAsDeclared()
    {
        var data = Codebook.Load<CohortPatient>(Fixture("cohort.sav"));

        Assert.Equal(40, data.Count);
        var first = data.Rows[0];
        // cohort.csv row 1: V001,72,1,standard,Male,squamous,60,69,Yes,São Paulo,2015-01-18,8.875,
        Assert.Equal(new CohortPatient
        {
            Id = "V001", Time = 72, Died = true, Arm = CohortArm.Standard, Sex = CohortSex.M, Stage = CohortStage.Sq,
            Karnofsky = 60, Age = 69, Smoker = CohortSmoker.Yes, Centre = "São Paulo", Diagnosed = new DateOnly(2015, 1, 18), Score = 8.875m,
        }, first);
        // Row 3: Female (code 2), a note; row 9: smoker 8 (user-missing "Refused"); row 11: stage 9 (user-missing "Unknown"); row 13: age system-missing.
        Assert.Equal(CohortSex.F, data.Rows[2].Sex);
        Assert.Equal("short, with a comma", data.Rows[2].Note);
        Assert.Null(data.Rows[8].Smoker);
        Assert.Null(data.Rows[10].Stage);
        Assert.Null(data.Rows[12].Age);
        Assert.Equal(CohortArm.Experimental, data.Rows[20].Arm); // row 21: "test"
    }

    [Fact]
    public void TheCsvFileGivesTheSameRecordsWhereItsLabelsSuffice()
    {
        // cohort.csv holds labels only ("Male"), which the code-bound CohortSex cannot read: every row is an error there.
        var e = Assert.Throws<DataException>(() => Codebook.Load<CohortPatient>(Fixture("cohort.csv")));
        Assert.Equal(40 + 37, e.TotalCount); // 40 sex values, 37 stage values (rows 11, 22 and 33 are missing)
        Assert.StartsWith("not a level of CohortSex", e.Errors[0].Problem);
    }

    [Fact]
    public void ALabelThatIsNoLevelNamesItsCodeToo()
    {
        var e = Assert.Throws<DataException>(() => Codebook.Load<MaleFemale>(Fixture("event-labelled.sav")));
        Assert.Contains("nor is its code '1'", e.Errors[0].Problem);
    }

    [Fact]
    public void ALabelledEventReadsByItsCode()
    {
        var sav = Codebook.Load<LabelledEvent>(Fixture("event-labelled.sav"));
        var dta = Codebook.Load<LabelledEvent>(Fixture("event-labelled.dta"));
        var csv = Codebook.Load<LabelledEvent>(Fixture("event-labelled.csv"));
        Assert.Equal(csv.Rows, sav.Rows);
        Assert.Equal(csv.Rows, dta.Rows);
        Assert.Contains(sav.Rows, r => !r.Status); // event-labelled.csv: rows 10 and 12 are censored
    }

    [Fact]
    public void AnExcelSheetIsChosenByName()
    {
        var first = Codebook.Load<CohortSexes>(Fixture("cohort.xlsx"));
        var byName = Codebook.Load<CohortSexes>(Fixture("cohort.xlsx"), new ReadOptions { Sheet = "Cohort" });
        Assert.Equal(first.Rows, byName.Rows);
        Assert.Equal(Codebook.Load<CohortSexes>(Fixture("cohort.csv")).Rows, first.Rows);
        var e = Assert.Throws<DataException>(() => Codebook.Load<CohortSexes>(Fixture("cohort.xlsx"), new ReadOptions { Sheet = "cohort" }));
        Assert.Equal("has no sheet 'cohort' (did you mean 'Cohort'?) (its sheets are 'Cohort', 'Readme')", e.Errors[0].Problem);
    }
}

[Codebook]
public partial record LabelledEvent
{
    [Column("time")] public required double Time { get; init; }

    [Column("status"), Event] public required bool Status { get; init; }

    [Column("arm")] public required string Arm { get; init; }
}

[Codebook(IgnoreExtraColumns = true)]
public partial record CohortSexes
{
    [Column("id"), Id] public required string Id { get; init; }

    [Column("sex")] public required Sex2 Sex { get; init; }
}

[Codebook(IgnoreExtraColumns = true)]
public partial record MaleFemale
{
    [Column("arm")] public required Sex2 Arm { get; init; }
}

public enum Sex2
{
    Male,
    Female,
}
