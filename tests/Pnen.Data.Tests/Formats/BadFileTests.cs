using System.Buffers.Binary;

namespace Pnen.Data.Tests.Formats;

/// <summary>
/// Damaged or unusable binary files get one-line errors naming the file and, where there is one, the
/// row, column and value; a bad value inside a good file gets the same error as in a CSV file.
/// The damaged files are the R-written fixtures with bytes changed here (offsets found from the format).
/// </summary>
public sealed class BadFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-bad-binary-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static DataError Refused(string path, params ColumnRequest[] requests)
    {
        var e = Assert.Throws<DataException>(() => TableReader.Read(path, requests.Length == 0 ? [new("time", ColumnKind.NonNegative)] : requests));
        Assert.DoesNotContain('\n', e.OneLine);
        return e.Errors[0];
    }

    /// <summary>Where the cases of cohort-uncompressed.sav start: after the dictionary terminator (999, 0).</summary>
    private static int SavData(byte[] bytes)
    {
        for (var i = 176; i + 8 <= bytes.Length; i += 4)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i)) == 999 && BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i + 4)) == 0) return i + 8;
        }
        throw new InvalidOperationException("no dictionary terminator");
    }

    [Fact]
    public void ATruncatedSpssFileNamesTheCaseItEndsIn()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("cohort-uncompressed.sav"));
        var caseBytes = (bytes.Length - SavData(bytes)) / 40; // 40 cases of 67 slots
        var path = Write("cut.sav", bytes[..(SavData(bytes) + 5 * caseBytes + 100)]);
        Assert.Equal(new DataError(path, 6, null, null, "the file ends inside this case (truncated?)"), Refused(path));
    }

    [Fact]
    public void ABadValueInAnSpssFileIsReportedAsInCsv()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("cohort-uncompressed.sav"));
        // Case 1, slot 1 (after the 4-byte id): time = -5.
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(SavData(bytes) + 8), -5);
        var path = Write("negative.sav", bytes);
        Assert.Equal(new DataError(path, 1, "time", "-5", "a time must not be negative"), Refused(path));
    }

    [Fact]
    public void AFileThatIsNoSpssFile()
    {
        var path = Write("text.sav", "time,status\n1,0\n"u8.ToArray());
        Assert.Equal("is not an SPSS system file (it does not start with $FL2 or $FL3); is it a .por portable file or another format renamed?", Refused(path).Problem);
    }

    [Fact]
    public void ATruncatedStataFileNamesTheObservation()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("cohort-118.dta"));
        var data = bytes.AsSpan().IndexOf("<data>"u8) + 6;
        var path = Write("cut.dta", bytes[..(data + 106 * 7 + 50)]); // records of 106 bytes: 7 whole ones
        Assert.Equal(new DataError(path, 8, null, null, "the header promises 40 observations but the file ends inside this one (truncated?)"), Refused(path));
    }

    [Fact]
    public void AnOldStataFormatIsNamed()
    {
        var path = Write("old.dta", [0x72, 0x02, 0x01, 0x00, 0x02, 0x00, 0x01, 0x00, 0x00, 0x00]);
        Assert.StartsWith("is a Stata file of a format before Stata 13", Refused(path).Problem);
    }

    [Fact]
    public void AStataReleaseOtherThan117To119IsNamed()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("cohort-118.dta"));
        "120"u8.CopyTo(bytes.AsSpan(bytes.AsSpan().IndexOf("118"u8), 3));
        var path = Write("release.dta", bytes);
        Assert.Equal("is a Stata dataset of format 120, which Pnen does not read (it reads 117, 118 and 119: Stata 13 to 18)", Refused(path).Problem);
    }

    [Fact]
    public void ADamagedWorkbookIsOneLine()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("cohort.xlsx"));
        var path = Write("cut.xlsx", bytes[..(bytes.Length / 2)]);
        Assert.StartsWith("cannot be read as an Excel workbook (", Refused(path).Problem);
    }

    [Fact]
    public void AMissingSheetListsTheSheets()
    {
        var e = Assert.Throws<DataException>(() => CsvSource.Open(Fixtures.Path("cohort.xlsx"), new ReadOptions { Sheet = "Nope" }));
        Assert.Equal("has no sheet 'Nope' (its sheets are 'Cohort', 'Readme')", e.Errors[0].Problem);
    }

    [Fact]
    public void AValueRightOfTheHeaderNamesItsRowAndColumn()
    {
        // edge.xlsx (make-fixtures.R): blank sheet row 1, header in row 2, records in rows 3, 4, 6; "stray" in C6.
        var path = Fixtures.Path("edge.xlsx");
        var e = Assert.Throws<DataException>(() => TableReader.Read(path, [new("time", ColumnKind.NonNegative)]));
        Assert.Equal(new DataError(path, 4, null, "stray", "has a value in column C, beyond the header's last named column B"), e.Errors[0]);
    }

    [Fact]
    public void ADamagedParquetFileIsOneLine()
    {
        var bytes = File.ReadAllBytes(Fixtures.Path("cohort.parquet"));
        var path = Write("cut.parquet", bytes[..^20]);
        Assert.StartsWith("cannot be read as a Parquet file (", Refused(path).Problem);
    }

    [Theory]
    [InlineData("cohort.xls", "is an Excel 97-2003 workbook (.xls), which Pnen does not read: save it as .xlsx or CSV")]
    [InlineData("cohort.por", "is an SPSS portable file (.por), which Pnen does not read: save it as .sav")]
    [InlineData("cohort.rds", "is an R data file, which Pnen does not read: write it with write.csv(x, row.names = FALSE) or haven::write_sav")]
    public void FormatsPnenDoesNotReadAreNamed(string name, string problem)
    {
        var path = Write(name, [1, 2, 3]);
        Assert.Equal(problem, Refused(path).Problem);
    }

    [Fact]
    public void AnEmptyBinaryFile()
    {
        var path = Write("empty.dta", []);
        Assert.Equal(new DataError(path, null, null, null, "is empty"), Refused(path));
    }

    [Fact]
    public void TheSheetOfAFileThatIsNoWorkbook()
    {
        var e = Assert.Throws<DataException>(() => TableReader.Read(Fixtures.Path("cohort.csv"), [new("time", ColumnKind.Numeric)], new ReadOptions { Sheet = "Cohort" }));
        Assert.Equal("is not an Excel workbook, so it has no sheet 'Cohort' to choose", e.Errors[0].Problem);
    }
}
