namespace Pnen.Data.Tests.Formats;

/// <summary>The files of tests/TestData/formats: written by make-fixtures.R (SPSS, Stata, Excel, with
/// haven and openxlsx) and make-parquet.cs (Parquet.Net), each equivalent to cohort.csv.</summary>
public static class Fixtures
{
    public static string Folder { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "formats");

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>Every fixture that must read as cohort.csv.</summary>
    public static readonly string[] Cohort =
    [
        "cohort.sav", "cohort-uncompressed.sav", "cohort.zsav", "cohort-117.dta", "cohort-118.dta", "cohort-119.dta", "cohort.xlsx", "cohort.parquet",
    ];

    public static TheoryData<string> CohortFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Cohort) data.Add(file);
        return data;
    }

    /// <summary>Every field of every record as text, trimmed, missing as "".</summary>
    public static List<string[]> Records(string name, ReadOptions? options = null)
    {
        using var source = CsvSource.Open(Path(name), options ?? ReadOptions.Default);
        var records = new List<string[]>();
        while (source.Read())
        {
            var record = new string[source.Columns.Count];
            for (var c = 0; c < record.Length; c++)
            {
                var field = source.Field(c).Trim().ToString();
                record[c] = MissingValues.Default.IsMissing(field) ? "" : field;
            }
            records.Add(record);
        }
        return records;
    }
}
