namespace Pnen.Cli.Tests;

/// <summary>
/// Every command reads SPSS, Stata, Excel and Parquet files (tests/TestData/formats: written by R's
/// haven and openxlsx from the same data as cohort.csv, and by Parquet.Net; see make-fixtures.R) and
/// prints exactly what it prints for the equivalent CSV file, in JSON and in Markdown.
/// </summary>
public sealed class FileFormatCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "formats", name);

    public static TheoryData<string> Files() => new()
    {
        "cohort.sav", "cohort-uncompressed.sav", "cohort.zsav", "cohort-117.dta", "cohort-118.dta", "cohort-119.dta", "cohort.xlsx", "cohort.parquet",
    };

    private static readonly string[][] Commands =
    [
        ["km", "--time", "time", "--event", "status", "--group", "trt", "--tau", "300"],
        ["km", "--time", "time", "--event", "status", "--group", "stage", "--format", "md"],
        ["logrank", "--time", "time", "--event", "status", "--group", "trt", "--strata", "sex"],
        ["cox", "--time", "time", "--event", "status", "--covariates", "trt,age,karno,sex,stage,score", "--categorical", "stage:squamous"],
        ["cox", "--time", "time", "--event", "status", "--covariates", "trt,smoker", "--strata", "centre", "--format", "md"],
        ["table1", "--by", "trt", "--vars", "sex,stage,age,karno,smoker,centre,score,diagnosed", "--smd"],
        ["ps", "--treatment", "trt", "--covariates", "sex,age,karno,score", "--stabilize"],
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryCommandPrintsWhatItPrintsForTheCsvFile(string file)
    {
        foreach (var command in Commands)
        {
            var csv = CliRunner.Run([command[0], "--data", Fixture("cohort.csv"), .. command[1..]]);
            var other = CliRunner.Run([command[0], "--data", Fixture(file), .. command[1..]]);
            Assert.True(csv.Exit == 0, $"{string.Join(' ', command)}: {csv.Stderr}");
            Assert.Equal(csv, other);
        }
    }

    [Fact]
    public void TheOutputIsAnAnalysisNotAnEmptyShell()
    {
        // 20 patients per arm, 18 deaths in each (cohort.csv: veteran rows 1-20 and 70-89).
        var km = CliRunner.Json("km", "--data", Fixture("cohort.sav"), "--time", "time", "--event", "status", "--group", "trt");
        var groups = km.GetProperty("groups");
        Assert.Equal("standard", groups[0].GetProperty("level").GetString());
        Assert.Equal(20, groups[0].GetProperty("n").GetInt32());
        Assert.Equal(18, groups[0].GetProperty("events").GetInt32());
        Assert.Equal("test", groups[1].GetProperty("level").GetString());
        // stage 9 (SPSS user-missing) and .u (Stata) are missing: 3 rows dropped.
        var cox = CliRunner.Json("cox", "--data", Fixture("cohort-118.dta"), "--time", "time", "--event", "status", "--covariates", "stage");
        Assert.Equal(3, cox.GetProperty("dropped").GetInt32());
        Assert.Equal(37, cox.GetProperty("n").GetInt32());
    }

    [Fact]
    public void ALabelledEventIsReadByItsCodes()
    {
        // event-labelled.sav/.dta: status 0 = "Alive", 1 = "Dead"; event-labelled.csv holds the codes.
        string[] km = ["km", "--time", "time", "--event", "status"];
        var csv = CliRunner.Run([km[0], "--data", Fixture("event-labelled.csv"), .. km[1..]]);
        Assert.Equal(0, csv.Exit);
        Assert.Equal(csv, CliRunner.Run([km[0], "--data", Fixture("event-labelled.sav"), .. km[1..]]));
        Assert.Equal(csv, CliRunner.Run([km[0], "--data", Fixture("event-labelled.dta"), .. km[1..]]));
    }

    [Fact]
    public void ASheetIsChosenByName()
    {
        string[] km = ["km", "--time", "time", "--event", "status", "--group", "trt"];
        var first = CliRunner.Run([km[0], "--data", Fixture("cohort.xlsx"), .. km[1..]]);
        Assert.Equal(first, CliRunner.Run([km[0], "--data", Fixture("cohort.xlsx"), "--sheet", "Cohort", .. km[1..]]));

        var readme = CliRunner.Run([km[0], "--data", Fixture("cohort.xlsx"), "--sheet", "Readme", .. km[1..]]);
        Assert.Equal(2, readme.Exit);
        Assert.EndsWith("cohort.xlsx: column 'time': no such column (the file has 'about')\n", readme.Stderr);

        var none = CliRunner.Run([km[0], "--data", Fixture("cohort.xlsx"), "--sheet", "Cohrot", .. km[1..]]);
        Assert.Equal(2, none.Exit);
        Assert.EndsWith("cohort.xlsx: has no sheet 'Cohrot' (did you mean 'Cohort'?) (its sheets are 'Cohort', 'Readme')\n", none.Stderr);
    }

    [Fact]
    public void ASheetOfAFileThatIsNoWorkbookIsAUsageError()
    {
        var (exit, stdout, stderr) = CliRunner.Run("km", "--data", Fixture("cohort.sav"), "--sheet", "Cohort", "--time", "time", "--event", "status");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--sheet applies to .xlsx files only", stderr);
    }

    [Fact]
    public void EveryCommandTakesTheSheetOption()
    {
        foreach (var command in new[] { "km", "logrank", "cox", "table1", "ps", "scaffold" })
        {
            var (exit, stdout, _) = CliRunner.Run(command, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("--sheet NAME", stdout);
        }
    }
}
