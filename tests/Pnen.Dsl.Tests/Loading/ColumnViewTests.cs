using Pnen.Data;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Loading;

/// <summary>The columnar view: subsets keep every kind of column aligned with the records, and a
/// descriptor of another codebook is refused rather than read at the wrong index.</summary>
public sealed class ColumnViewTests
{
    private static CodebookData<TrialPatient> Trial() => Codebook.Load<TrialPatient>(new StringReader(
        "patient_id,Arm,Age,hm.diameter,Ecog,Centre,Smoker,Diagnosed,Months,Died\n" +
        "P1,Standard care,61,35,1,Lyon,no,2020-03-14,12.5,1\n" +
        "P2,2,45,,,Paris,yes,,3,0\n" +
        "P3,Standard care,70,80,2,,,2021-01-02,7,1\n"), "trial.csv");

    [Fact]
    public void ASubsetGathersEveryColumnKind()
    {
        var data = Trial().Subset([2, 0]);

        Assert.Equal(["P3", "P1"], data.Rows.Select(r => r.Id));
        Assert.Equal(new string?[] { "P3", "P1" }, data.Columns.Get(TrialPatientVariables.Id).Values.AsEnumerable());
        Assert.Equal([70d, 61d], data.Columns.Get(TrialPatientVariables.Age).Values);
        Assert.Equal([1, 1], data.Columns.Get(TrialPatientVariables.Died).Values.Select(v => (int)v));
        var centre = data.Columns.Get(TrialPatientVariables.Centre);
        Assert.Equal(["Lyon", "Paris"], centre.Levels); // levels are the file's, not the subset's
        Assert.Equal([-1, 0], centre.Codes);
        Assert.Equal([0, 0], data.Columns.Get(TrialPatientVariables.Arm).Codes);
    }

    [Fact]
    public void ColumnsAreFoundByDescriptorNameOrIndex()
    {
        var columns = Trial().Columns;
        Assert.Same(columns[TrialPatientVariables.Months], columns["Months"]);
        Assert.Same(columns[TrialPatientVariables.Months], columns[TrialPatientVariables.Months.Index]);
        Assert.IsType<EventColumn>(columns["Died"]);
        Assert.Throws<KeyNotFoundException>(() => columns["Nope"]);
    }

    [Fact]
    public void ADescriptorOfAnotherCodebookIsRefused()
    {
        var columns = Trial().Columns;
        Assert.Throws<ArgumentException>(() => columns.Get(LungPatientVariables.Age));
        Assert.Throws<ArgumentException>(() => columns[VeteranPatientVariables.Died]);
    }

    [Fact]
    public void EnumCodesFollowDeclarationOrderNotValues()
    {
        Assert.Equal([Arm.Standard, Arm.Experimental], TrialPatientVariables.Arm.Values);
        Assert.Equal(1, TrialPatientVariables.Arm.CodeOf(Arm.Experimental));
        Assert.Equal(-1, TrialPatientVariables.Arm.CodeOf((Arm)42));
        Assert.True(TrialPatientVariables.Arm.TryParse("  STANDARD CARE ", out var code));
        Assert.Equal(0, code);
        Assert.False(TrialPatientVariables.Arm.TryParse("placebo", out _));
    }
}
