using System.Text;
using Pnen.Data;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Loading;

/// <summary>
/// The generated codebook loaders on what real exports and hostile files contain: the list
/// of bad input (each refused with a <see cref="DataException"/> naming file, row, column and value),
/// the valid oddities (BOM, CRLF, quoted commas and line breaks, a field of several megabytes), and
/// pathological input that must be read in linear time. The time bound is only a guard against a hang
/// (a minute, for work that takes well under a second), never a speed assertion.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private const string Header = "patient_id,Arm,Age,hm.diameter,Ecog,Centre,Smoker,Diagnosed,Months,Died";
    private const string Good = "P1,Standard care,61,35,1,Lyon,no,2020-03-14,12.5,1";
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1);

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CodebookData<TrialPatient> Load(string text) => Codebook.Load<TrialPatient>(new StringReader(text), "trial.csv");

    private static DataException Fails(string text) => Assert.Throws<DataException>(() => Load(text));

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and fails if it has not finished within the guard.</summary>
    private static T Completes<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Guard), "the loader did not finish within a minute: it must stay linear in its input");
        return task.Result;
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var error = Assert.Single(Fails("").Errors);
        Assert.Equal("trial.csv", error.File);
        Assert.Contains("empty", error.Problem);
        Assert.Contains("empty", Assert.Throws<DataException>(() => Codebook.Load<TrialPatient>(File("empty.csv", []))).Message);
    }

    [Fact]
    public void AHeaderOnlyFileLoadsNoRecords()
    {
        // The loader reads what is there; a study run refuses it ("has a header but no data rows").
        Assert.Equal(0, Load(Header + "\n").Count);
    }

    [Fact]
    public void ADuplicateColumnNameIsRefused()
    {
        var error = Assert.Single(Fails(Header + ",Age\n" + Good + ",61\n").Errors);
        Assert.Equal("Age", error.Column);
        Assert.Contains("more than once", error.Problem);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    [InlineData("-1e400")]
    public void NonFiniteNumbersAreRefusedInEveryNumericColumn(string value)
    {
        // Age (double), hm.diameter (nullable double), Ecog (int), Months (the survival time).
        var row = $"P2,Standard care,{value},{value},{value},,,,{value},0";
        var errors = Fails(Header + "\n" + Good + "\n" + row + "\n").Errors;
        Assert.Equal(["Age", "hm.diameter", "Ecog", "Months"], errors.Select(e => e.Column));
        Assert.All(errors, e =>
        {
            Assert.Equal(2, e.Row);
            Assert.Equal(value, e.Value);
            Assert.Contains("finite", e.Problem);
        });
    }

    [Fact]
    public void ANegativeTimeIsRefused()
    {
        var error = Assert.Single(Fails(Header + "\n" + Good.Replace(",12.5,", ",-0.5,", StringComparison.Ordinal) + "\n").Errors);
        Assert.Equal(new DataError("trial.csv", 1, "Months", "-0.5", "a survival time must not be negative"), error);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("0.5")]
    [InlineData("dead")]
    [InlineData("TRUE!")]
    public void EventsOtherThanZeroOneTrueFalseAreRefused(string value)
    {
        var error = Assert.Single(Fails(Header + "\n" + Good[..^1] + value + "\n").Errors);
        Assert.Equal(("Died", value, 1L), (error.Column, error.Value, error.Row!.Value));
    }

    [Fact]
    public void ABinaryFileIsRefused()
    {
        var e = Assert.Throws<DataException>(() => Codebook.Load<TrialPatient>(File("cohort.xlsx.csv", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])));
        Assert.Contains("binary", e.Message);
        Assert.Contains("cohort.xlsx.csv", e.Message);
    }

    [Fact]
    public void ANulByteInARowIsRefusedWithItsRow()
    {
        // Past the first 64 KB the byte sniff does not look: the record itself is refused.
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 3000; i++) text.Append(Good.Replace("P1,", $"P{i},", StringComparison.Ordinal)).Append('\n');
        text.Append("P9999,Standard care,6\01,,,,,,1,1\n");
        var e = Assert.Throws<DataException>(() => Codebook.Load<TrialPatient>(File("nul.csv", Encoding.UTF8.GetBytes(text.ToString()))));
        Assert.Contains("row 3001", e.Message);
        Assert.Contains("NUL", e.Message);
    }

    [Fact]
    public void ALatin1FileNamesTheLine()
    {
        var bytes = Encoding.Latin1.GetBytes(Header + "\n" + Good + "\n" + Good.Replace("P1", "P2").Replace("Lyon", "Besançon") + "\n");
        var e = Assert.Throws<DataException>(() => Codebook.Load<TrialPatient>(File("latin1.csv", bytes)));
        Assert.Contains("not valid UTF-8", e.Message);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void ABomCrlfAndQuotedCommasAndLineBreaksAreRead()
    {
        var text = "\uFEFF" + Header + "\r\n" + Good.Replace("Lyon", "\"Lyon, \"\"Centre Léon Bérard\"\"\r\nsite 2\"") + "\r\n" + "P2,\"Standard care\",\"45\",,,\"\",,,3,0\r\n";
        var data = Codebook.Load<TrialPatient>(File("quirks.csv", new UTF8Encoding(false).GetBytes(text)));
        Assert.Equal(2, data.Count);
        Assert.Equal("Lyon, \"Centre Léon Bérard\"\r\nsite 2", data.Rows[0].Centre);
        Assert.Equal(45, data.Rows[1].Age);
        Assert.Null(data.Rows[1].Centre);
    }

    [Fact]
    public void AFieldOfSeveralMegabytesIsReadAndAnErrorAboutItStaysShort()
    {
        var big = new string('x', 5 << 20);
        var data = Completes(() => Load(Header + "\n" + Good.Replace("Lyon", big) + "\n"));
        Assert.Equal(5 << 20, data.Rows[0].Centre!.Length);

        var e = Completes(() => Assert.Throws<DataException>(() => Load(Header + "\n" + Good.Replace(",61,", "," + big + ",") + "\n")));
        var error = Assert.Single(e.Errors);
        Assert.Equal("Age", error.Column);
        Assert.True(error.ToString().Length < 300, "the error line must not carry the whole field");
        Assert.Contains($"({5 << 20} characters)", error.ToString());
    }

    [Fact]
    public void AnUnterminatedQuoteOverManyLinesEndsInOneError()
    {
        // 10^5 lines after a quote that never closes: one error, found in linear time.
        var text = new StringBuilder(Header).Append('\n').Append(Good).Append('\n').Append("P2,\"Standard care");
        for (var i = 0; i < 100_000; i++) text.Append('\n').Append(Good);
        var e = Completes(() => Assert.Throws<DataException>(() => Load(text.ToString())));
        Assert.Contains("row 2", e.Message);
    }

    [Fact]
    public void ManyRaggedQuotedRowsAreAllCountedInLinearTime()
    {
        // 10^5 records of stray quotes and missing fields: every one is an error, 20 are listed.
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 100_000; i++) text.Append("\"\"\",\"\n");
        var e = Completes(() => Assert.Throws<DataException>(() => Load(text.ToString())));
        Assert.True(e.TotalCount >= 1);
        Assert.True(e.Errors.Count <= DataErrorCollector.Capacity);
    }

    [Fact]
    public void AHugeNumberOfColumnsIsRefusedQuickly()
    {
        var header = Header + string.Concat(Enumerable.Range(0, 100_000).Select(i => $",c{i}"));
        var e = Completes(() => Assert.Throws<DataException>(() => Load(header + "\n" + Good + new string(',', 100_000) + "\n")));
        Assert.Equal(100_000, e.TotalCount);
        Assert.Contains("not in the codebook", e.Errors[0].Problem);
    }

    [Fact]
    public void AParseErrorRightAfterABlankLineIsReportedNotThrownPastTheLoader()
    {
        // Found by LoaderFuzzTests: a ragged row, a blank line, then a quote that never closes. The
        // parser stops for good at the quote; the loader reports both errors as a DataException.
        var text = Header + "\n" + Good + "\nP2\n\n\"P3,Standard care,61,35,1,Lyon,no,2020-03-14,12.5,1\n";
        var e = Fails(text);
        Assert.Equal(2, e.TotalCount);
        Assert.Contains("has 1 field", e.Errors[0].Problem);
        Assert.Contains("not valid CSV", e.Errors[1].Problem);
    }
}
