namespace Pnen.Data.Tests.Formats;

/// <summary>What the files say besides their values, as make-fixtures.R wrote it with haven: variable
/// labels, value labels in code order (labels of missing codes left out), and the decision to read a
/// column as labels only when every value has one.</summary>
public sealed class MetadataTests
{
    [Theory]
    [InlineData("cohort.sav")]
    [InlineData("cohort.zsav")]
    [InlineData("cohort-117.dta")]
    [InlineData("cohort-118.dta")]
    [InlineData("cohort-119.dta")]
    public void LabelsAsRWroteThem(string file)
    {
        using var source = CsvSource.Open(Fixtures.Path(file));
        var columns = source.ColumnMetadata.ToDictionary(c => c.Name);

        Assert.Equal("Treatment arm", columns["trt"].Label);
        Assert.Equal([new ValueLabel("1", "standard"), new ValueLabel("2", "test")], columns["trt"].ValueLabels);
        Assert.True(columns["trt"].ReadsAsLabels);
        // SPSS 9 = "Unknown" is declared missing and Stata's is .u: neither is a level.
        Assert.Equal(["squamous", "smallcell", "adeno", "large"], columns["stage"].ValueLabels.Select(l => l.Label));
        Assert.Equal(["No", "Yes"], columns["smoker"].ValueLabels.Select(l => l.Label));
        // karno has labels on 10 and 100 only, and values 20 to 90: it reads as numbers.
        Assert.Equal([new ValueLabel("10", "Moribund"), new ValueLabel("100", "Normal")], columns["karno"].ValueLabels);
        Assert.False(columns["karno"].ReadsAsLabels);
        Assert.Equal("Date of diagnosis", columns["diagnosed"].Label);
        Assert.Null(columns["score"].Label);
        Assert.Empty(columns["id"].ValueLabels);
    }

    [Fact]
    public void ALabelledFieldHasItsCodeBehindIt()
    {
        using var source = CsvSource.Open(Fixtures.Path("cohort.sav"));
        Assert.True(source.Read());
        var sex = source.Ordinal("sex");
        Assert.Equal("Male", source.Field(sex).ToString());
        Assert.Equal("1", source.FieldCode(sex).ToString());
        var karno = source.Ordinal("karno");
        Assert.Equal("60", source.Field(karno).ToString());
        Assert.True(source.FieldCode(karno).IsEmpty);
    }

    [Fact]
    public void CsvColumnsHaveOnlyTheirNames()
    {
        using var source = CsvSource.Open(Fixtures.Path("cohort.csv"));
        Assert.Equal(DataFormat.Csv, source.Format);
        Assert.All(source.ColumnMetadata, c => Assert.True(c.Label is null && c.ValueLabels.Count == 0 && !c.ReadsAsLabels));
    }

    [Theory]
    [InlineData("a.SAV", DataFormat.Spss)]
    [InlineData("a.zsav", DataFormat.Spss)]
    [InlineData("a.dta", DataFormat.Stata)]
    [InlineData("a.xlsx", DataFormat.Excel)]
    [InlineData("a.parquet", DataFormat.Parquet)]
    [InlineData("a.tsv", DataFormat.Csv)]
    [InlineData("a.txt", DataFormat.Csv)]
    public void TheExtensionChoosesTheFormat(string path, DataFormat format) => Assert.Equal(format, DataFormats.FromPath(path));

    [Fact]
    public void AStreamIsReadByItsNamesExtension()
    {
        using var stream = File.OpenRead(Fixtures.Path("cohort.zsav"));
        using var source = CsvSource.Open(stream, "upload.zsav");
        Assert.Equal(DataFormat.Spss, source.Format);
        var rows = 0;
        while (source.Read()) rows++;
        Assert.Equal(40, rows);
    }
}
