using System.Globalization;
using System.Text;
using Pnen.Data.Fast;

namespace Pnen.Data.Tests;

/// <summary>
/// The fast reader on the cells its separator walk and its number path must get right: every
/// numeric cell equals double.Parse of its trimmed text bit for bit (NaN when missing), the table
/// equals the ordinary reader's, and a bad value still gives the ordinary reader's one-line error.
/// </summary>
[Collection(FastReaderCollection.Name)]
public sealed class FastReaderEdgeCaseTests() : FastReaderTestBase("pnen-edge-")
{
    /// <summary>Exponents, 17 and more significant digits, -0, a leading '+', values beyond the
    /// exact fast path (a mantissa over 2^53 or 19 digits, 10^23), spaces, NA and empty cells.</summary>
    private static readonly string[] Cells =
    [
        "1e-5", "1.5E+3", "2.5e0", "-7.25e-12", "0.12345678901234567", "0.1000000000000000055511151231257827",
        "1234567890.1234567890", "9007199254740993", "9007199254740992", "1e23", "123456789012345678901234567890",
        "-0", "-0.0", "+4.25", "+0", "5.", ".5", "0.1499382541", "-0.7703749116", "33.7", "  3.5 ", "NA", "", " NA ",
    ];

    [Theory]
    [InlineData("\n", true)]
    [InlineData("\n", false)]
    [InlineData("\r\n", true)]
    [InlineData("\r\n", false)]
    public void NumbersEqualDoubleParseAndTheLastCellMayBeMissing(string newline, bool finalNewline)
    {
        var text = new StringBuilder("time,status,x,y").Append(newline);
        for (var i = 0; i < Cells.Length; i++)
        {
            text.Append(i + 1).Append(',').Append(i % 2).Append(',').Append(Cells[i]).Append(',').Append(Cells[Cells.Length - 1 - i]).Append(newline);
        }
        text.Append("99,1,").Append(Cells[0]).Append(','); // the last column of the last line is missing
        if (finalNewline) text.Append(newline);
        var path = Write("numbers.csv", text.ToString());
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("x", ColumnKind.Numeric), new("y", ColumnKind.Auto)];

        var fast = ParallelCsvReader.TryRead(path, requests, MissingValues.Default).Table;
        Assert.NotNull(fast); // read by the fast reader, not declined
        Assert.Equal(Cells.Length + 1, fast.RowCount);
        var x = fast.Get<NumericColumn>("x").Values;
        var y = fast.Get<NumericColumn>("y").Values;
        for (var i = 0; i < Cells.Length; i++)
        {
            Assert.Equal(Expected(Cells[i]), Bits(x[i]));
            Assert.Equal(Expected(Cells[Cells.Length - 1 - i]), Bits(y[i]));
        }
        Assert.True(double.IsNaN(y[^1]));
        Assert.Equal(Expected(Cells[0]), Bits(x[^1]));
        Assert.Equal(Describe(TableReader.ReadOrdinary(path, requests, MissingValues.Default)), Describe(fast));
    }

    [Fact]
    public void QuotedFieldsAndCrlfReadAsTheOrdinaryReaderReadsThem()
    {
        var text = new StringBuilder("time,status,\"arm\",x\r\n");
        for (var i = 0; i < 40; i++)
        {
            text.Append(i % 7 == 0 ? $"\"{i}.5\"" : $"{i}.5").Append(',').Append(i % 2).Append(',')
                .Append((i % 3) switch { 0 => "\"arm A\"", 1 => "B", _ => "\"\"" }).Append(',')
                .Append(i % 5 == 0 ? "\"-1.25e2\"" : "0.3").Append("\r\n");
        }
        var path = Write("quoted.csv", text.ToString());
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("arm", ColumnKind.Categorical), new("x", ColumnKind.Numeric)];

        var fast = ParallelCsvReader.TryRead(path, requests, MissingValues.Default).Table;
        Assert.NotNull(fast);
        Assert.Equal(Describe(TableReader.ReadOrdinary(path, requests, MissingValues.Default)), Describe(fast));
        Assert.Equal(Bits(-125.0), Bits(fast.Get<NumericColumn>("x").Values[0]));
        Assert.Equal(["B", "arm A"], fast.Get<CategoricalColumn>("arm").Levels); // ordinal order, as the ordinary reader sorts text levels
        Assert.Equal(-1, fast.Get<CategoricalColumn>("arm").Codes[2]); // "" is missing, quoted or not
    }

    [Theory]
    [InlineData("time,x\r\n1,2\r3\r\n4,5\r\n")]   // a carriage return inside a field
    [InlineData("time,x\r\n1,2\r\r\n4,5\r\n")]    // two before a line break
    public void ALoneCarriageReturnIsLeftToTheOrdinaryReader(string text)
    {
        var path = Write("lone-cr.csv", text);
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("x", ColumnKind.Auto)];
        Assert.Null(ParallelCsvReader.TryRead(path, requests, MissingValues.Default).Table);
    }

    [Fact]
    public void AMissingTokenThatIsANumberIsMissing()
    {
        var path = Write("sentinel.csv", "time,x\n1,-99\n2,-99.0\n3,-99\n4,7\n");
        var missing = new MissingValues(["", "NA", "-99"]);
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("x", ColumnKind.Numeric)];

        var fast = ParallelCsvReader.TryRead(path, requests, missing).Table;
        Assert.NotNull(fast);
        var x = fast.Get<NumericColumn>("x").Values;
        Assert.True(double.IsNaN(x[0]));
        Assert.Equal(-99.0, x[1]); // "-99.0" is not the token "-99"
        Assert.True(double.IsNaN(x[2]));
        Assert.Equal(7.0, x[3]);
    }

    [Theory]
    [InlineData("abc", "x", "not a number")]
    [InlineData("1e400", "x", "not a finite number")]
    public void ABadValueInAPlainFileGivesTheOrdinaryReadersError(string bad, string column, string problem)
    {
        var text = new StringBuilder("time,status,x\n");
        for (var i = 0; i < 30; i++) text.Append(i).Append(",1,").Append(i == 17 ? bad : "0.25").Append('\n');
        var path = Write("bad.csv", text.ToString());
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new(column, ColumnKind.Numeric)];

        Assert.Null(ParallelCsvReader.TryRead(path, requests, MissingValues.Default).Table); // declined: the ordinary reader names it
        var error = Assert.Throws<DataException>(() => TableReader.Read(path, requests));
        Assert.Contains("row 18", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{column}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{bad}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ANegativeTimeInAPlainFileIsReported()
    {
        var path = Write("negative.csv", "time,status\n1,1\n-0.5,0\n2,1\n");
        ColumnRequest[] requests = [new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event)];
        var error = Assert.Throws<DataException>(() => TableReader.Read(path, requests));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'-0.5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What the ordinary rules give: NaN for a missing cell, else double.Parse of the trimmed text.</summary>
    private static long Expected(string cell) =>
        MissingValues.Default.IsMissing(cell) ? Bits(double.NaN) : Bits(double.Parse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture));

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static string Describe(LoadedTable table)
    {
        var text = new StringBuilder($"{table.RowCount} rows\n");
        foreach (var name in table.ColumnNames)
        {
            text.Append(name).Append(": ");
            switch (table[name])
            {
                case NumericColumn numeric:
                    text.AppendJoin(' ', numeric.Values.Select(v => Bits(v).ToString("X", CultureInfo.InvariantCulture)));
                    break;
                case EventColumn events:
                    text.AppendJoin(' ', events.Values);
                    break;
                case CategoricalColumn categorical:
                    text.Append('[').AppendJoin('|', categorical.Levels).Append("] ").AppendJoin(' ', categorical.Codes);
                    break;
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
