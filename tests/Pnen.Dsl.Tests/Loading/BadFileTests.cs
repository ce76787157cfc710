using Pnen.Data;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Loading;

/// <summary>Files that do not match the codebook: every error is found in one run and names its row,
/// column and value; nothing is returned.</summary>
public sealed class BadFileTests
{
    private const string Header = "patient_id,Arm,Age,hm.diameter,Ecog,Centre,Smoker,Diagnosed,Months,Died";
    private const string Good = "P1,Standard care,61,35,1,Lyon,no,2020-03-14,12.5,1";

    private static CodebookData<TrialPatient> Load(params string[] lines) =>
        Codebook.Load<TrialPatient>(new StringReader(string.Join("\n", lines) + "\n"), "trial.csv");

    private static DataException Fails(params string[] lines) => Assert.Throws<DataException>(() => Load(lines));

    [Fact]
    public void AGoodFileLoads()
    {
        var data = Load(Header, Good, "P2,experimental,45,.,NA,,yes,,3,0", "P3,2,70,NA,2,Paris,0,2021-01-02,0,false");

        Assert.Equal(3, data.Count);
        Assert.Equal(new TrialPatient
        {
            Id = "P1", Arm = Arm.Standard, Age = 61, HmDiameter = 35, Ecog = 1, Centre = "Lyon", Smoker = false,
            Diagnosed = new DateOnly(2020, 3, 14), Months = 12.5, Died = true,
        }, data.Rows[0]);
        Assert.Equal(new TrialPatient { Id = "P2", Arm = Arm.Experimental, Age = 45, Smoker = true, Months = 3, Died = false }, data.Rows[1]);
        Assert.Equal(Arm.Experimental, data.Rows[2].Arm); // by [Code("2")]

        var centre = data.Columns.Get(TrialPatientVariables.Centre);
        Assert.Equal(["Lyon", "Paris"], centre.Levels);
        Assert.Equal([0, -1, 1], centre.Codes);
        Assert.Equal([0, 1, 0], data.Columns.Get(TrialPatientVariables.Smoker).Codes);
        Assert.Equal(new DateOnly(2020, 3, 14).DayNumber, data.Columns.Get(TrialPatientVariables.Diagnosed).Values[0]);
        Assert.True(double.IsNaN(data.Columns.Get(TrialPatientVariables.HmDiameter).Values[1]));
        Assert.Equal(new string?[] { "P1", "P2", "P3" }, data.Columns.Get(TrialPatientVariables.Id).Values.AsEnumerable());
    }

    [Fact]
    public void TextInANumericColumn()
    {
        var e = Fails(Header, Good, "P2,Standard care,sixty,,,,,,3,0");
        var error = Assert.Single(e.Errors);
        Assert.Equal(new DataError("trial.csv", 2, "Age", "sixty", "not a number"), error);
    }

    [Fact]
    public void AnUnknownLevel()
    {
        var error = Assert.Single(Fails(Header, Good, "P2,Placebo,50,,,,,,3,0").Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("Arm", error.Column);
        Assert.Equal("Placebo", error.Value);
        Assert.StartsWith("not a level of Arm (expected 'Standard' / 'Standard care', 'Experimental' / '2')", error.Problem);
    }

    [Fact]
    public void AMissingRequiredValue()
    {
        var error = Assert.Single(Fails(Header, Good, "P2,Standard care,NA,,,,,,3,0").Errors);
        Assert.Equal(new DataError("trial.csv", 2, "Age", "NA", "a value is required: Age is not nullable in the codebook"), error);
    }

    [Fact]
    public void AColumnTheCodebookDoesNotDeclare()
    {
        var error = Assert.Single(Fails(Header + ",bmi", Good + ",22.5").Errors);
        Assert.Null(error.Row);
        Assert.Equal("bmi", error.Column);
        Assert.Contains("not in the codebook TrialPatient", error.Problem);
    }

    [Fact]
    public void AColumnTheFileLacks()
    {
        var error = Assert.Single(Fails(Header.Replace(",Ecog", ""), Good.Replace(",1,Lyon", ",Lyon")).Errors);
        Assert.Null(error.Row);
        Assert.Equal("Ecog", error.Column);
        Assert.Contains("no such column", error.Problem);
    }

    [Fact]
    public void AnExplicitColumnNameMustMatchItsCase()
    {
        var e = Fails(Header.Replace("hm.diameter", "HM.Diameter"), Good);
        Assert.Equal(["hm.diameter", "HM.Diameter"], e.Errors.Select(x => x.Column));
        Assert.Contains("did you mean 'HM.Diameter'?", e.Errors[0].Problem);
        Assert.Contains("not in the codebook", e.Errors[1].Problem);
    }

    [Fact]
    public void APropertyNameMatchesIgnoringCase()
    {
        var data = Load(Header.Replace("Ecog", "ECOG").Replace("Months", "months"), Good);
        Assert.Equal(1, data.Rows[0].Ecog);
    }

    [Fact]
    public void ARaggedRowIsReportedAndLaterRowsAreStillChecked()
    {
        var e = Fails(Header, Good, "P2,Standard care,50", "P3,Standard care,abc,,,,,,3,0");
        Assert.Equal(2, e.TotalCount);
        Assert.Equal(2, e.Errors[0].Row);
        Assert.Contains("has 3 fields but the header has 10 columns", e.Errors[0].Problem);
        Assert.Equal(new DataError("trial.csv", 3, "Age", "abc", "not a number"), e.Errors[1]);
    }

    [Fact]
    public void EveryErrorOfEveryRowIsCollected()
    {
        var e = Fails(Header, "P1,Nope,abc,,x,,maybe,14/03/2020,-1,2");
        Assert.Equal(
        [
            "Arm|Nope", "Age|abc", "Ecog|x", "Smoker|maybe", "Diagnosed|14/03/2020", "Months|-1", "Died|2",
        ], e.Errors.Select(x => x.Column + "|" + x.Value));
        Assert.All(e.Errors, x => Assert.Equal(1, x.Row));
        Assert.Equal("a survival time must not be negative", e.Errors[5].Problem);
        Assert.Equal("an event must be 0/1, true/false or yes/no", e.Errors[6].Problem);
    }

    [Fact]
    public void TheFirstTwentyErrorsAndTheCount()
    {
        var lines = new List<string> { Header };
        for (var i = 1; i <= 25; i++) lines.Add($"P{i},Standard care,old,,,,,,1,1");
        var e = Fails([.. lines]);
        Assert.Equal(25, e.TotalCount);
        Assert.Equal(20, e.Errors.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long?)i), e.Errors.Select(x => x.Row));
        Assert.Contains("and 5 more", e.Message);
    }

    [Fact]
    public void ValuesOutsideTheDeclaredRange()
    {
        var e = Fails(Header, "P1,Standard care,12,250,,,,,1,1");
        Assert.Equal(["outside the declared range [18, 100] of Age", "outside the declared range [0, 200] of HmDiameter"], e.Errors.Select(x => x.Problem));
    }

    [Fact]
    public void WholeNumbersOnlyInAnIntegerColumn()
    {
        Assert.Equal(2, Load(Header, Good.Replace(",35,1,", ",35,2.0,")).Rows[0].Ecog);
        var error = Assert.Single(Fails(Header, Good.Replace(",35,1,", ",35,1.5,")).Errors);
        Assert.Equal("not a whole number", error.Problem);
    }

    [Fact]
    public void ARepeatedIdentifier()
    {
        var error = Assert.Single(Fails(Header, Good, Good).Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("patient_id", error.Column);
        Assert.Equal("the identifier Id repeats row 1", error.Problem);
    }

    [Fact]
    public void ErrorsReadAsOneLineEach()
    {
        var e = Fails(Header, "P1,Standard care,sixty,,,,,,1,1");
        Assert.Equal("trial.csv: row 1, column 'Age', value 'sixty': not a number", e.Errors[0].ToString());
    }

    [Fact]
    public void AStreamIsReadAsUtf8AndLeftOpen()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Header + "\n" + Good.Replace("Lyon", "Besançon") + "\n"));
        var data = Codebook.Load<TrialPatient>(stream, "trial.csv");
        Assert.Equal("Besançon", data.Rows[0].Centre);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreAnError()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes(Header + "\n" + Good.Replace("Lyon", "Besançon") + "\n");
        var e = Assert.Throws<DataException>(() => Codebook.Load<TrialPatient>(new MemoryStream(latin1), "trial.csv"));
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Fact]
    public void AMisspeltColumnGetsDidYouMean()
    {
        var e = Fails(Header.Replace("Months", "Month", StringComparison.Ordinal), Good);
        var error = e.Errors.Single(x => x.Column == "Months");
        Assert.EndsWith("(did you mean 'Month'?)", error.Problem);
    }

    [Fact]
    public void RsRowNamesGetAHint()
    {
        var e = Fails("\"\"," + Header, "\"1\"," + Good);
        var error = Assert.Single(e.Errors);
        Assert.Equal("", error.Column);
        Assert.EndsWith("the first column has no name: R's write.csv wrote its row names there (write the file with row.names = FALSE)", error.Problem);
    }
}
