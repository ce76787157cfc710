namespace Pnen.Data.Tests.Formats;

/// <summary>
/// Each SPSS, Stata, Excel and Parquet fixture reads exactly as cohort.csv, the CSV file R wrote from
/// the same data (make-fixtures.R checks with haven that R reads each file back as that CSV, too):
/// the same columns in the same order, and field by field the same text: labels for labelled values,
/// empty for system-missing, user-missing (SPSS 9 and 8) and extended missing (Stata .a, .b, .u),
/// dates yyyy-MM-dd, UTF-8 text, strings over 255 bytes (SPSS very long strings, Stata strLs).
/// </summary>
public sealed class EquivalentFileTests
{
    [Theory]
    [MemberData(nameof(Fixtures.CohortFiles), MemberType = typeof(Fixtures))]
    public void ReadsAsTheEquivalentCsv(string file)
    {
        var expected = Fixtures.Records("cohort.csv");
        var actual = Fixtures.Records(file);
        using (var csv = CsvSource.Open(Fixtures.Path("cohort.csv")))
        using (var other = CsvSource.Open(Fixtures.Path(file)))
        {
            Assert.Equal(csv.Columns, other.Columns);
        }
        Assert.Equal(expected.Count, actual.Count);
        for (var r = 0; r < expected.Count; r++) Assert.Equal(expected[r], actual[r]);
    }

    [Theory]
    [MemberData(nameof(Fixtures.CohortFiles), MemberType = typeof(Fixtures))]
    public void TableReaderGivesTheSameColumns(string file)
    {
        ColumnRequest[] requests =
        [
            new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("trt", ColumnKind.Categorical),
            new("sex", ColumnKind.Auto), new("stage", ColumnKind.Auto), new("karno", ColumnKind.Auto), new("age", ColumnKind.Numeric),
            new("smoker", ColumnKind.Categorical), new("centre", ColumnKind.Auto), new("diagnosed", ColumnKind.Auto), new("score", ColumnKind.Numeric),
        ];
        var csv = TableReader.Read(Fixtures.Path("cohort.csv"), requests);
        var other = TableReader.Read(Fixtures.Path(file), requests);
        Assert.Equal(csv.RowCount, other.RowCount);
        foreach (var request in requests)
        {
            var (a, b) = (csv[request.Name], other[request.Name]);
            Assert.Equal(a.GetType(), b.GetType());
            switch (a)
            {
                case NumericColumn n:
                    Assert.Equal(n.Values, ((NumericColumn)b).Values);
                    break;
                case EventColumn e:
                    Assert.Equal(e.Values, ((EventColumn)b).Values);
                    break;
                case CategoricalColumn c:
                    Assert.Equal(c.Levels, ((CategoricalColumn)b).Levels);
                    Assert.Equal(c.Codes, ((CategoricalColumn)b).Codes);
                    break;
            }
        }
    }
}
