namespace Pnen.Data.Tests.Formats;

/// <summary>The did-you-mean rule: case-insensitive optimal string alignment distance, at most 1 for names
/// of up to 4 characters and 2 beyond; every closest name when several tie; nothing when none is close.</summary>
public sealed class ColumnHintsTests
{
    [Theory]
    [InlineData("node", new[] { "time", "nodes" }, " (did you mean 'nodes'?)")]
    [InlineData("AGE", new[] { "age", "sex" }, " (did you mean 'age'?)")]
    [InlineData("stauts", new[] { "status", "time" }, " (did you mean 'status'?)")]   // a swap is one edit
    [InlineData("sex", new[] { "sex1", "sex2" }, " (did you mean 'sex1' or 'sex2'?)")]
    [InlineData("grade", new[] { "time", "status" }, "")]
    [InlineData("id", new[] { "age" }, "")]                                         // 2 edits is too many for a short name
    [InlineData("ecog", new[] { "ph.ecog" }, "")]                                   // 3 edits
    public void DidYouMean(string wanted, string[] columns, string hint) => Assert.Equal(hint, ColumnHints.DidYouMean(wanted, columns));

    [Fact]
    public void RowNamesOnlyForAnUnnamedFirstColumnOfText()
    {
        Assert.NotEmpty(ColumnHints.RowNames(["", "time"]));
        Assert.Empty(ColumnHints.RowNames(["time", ""]));
        Assert.Empty(ColumnHints.RowNames([""]));
        Assert.Empty(ColumnHints.RowNames(["", "time"], DataFormat.Excel));
    }
}
