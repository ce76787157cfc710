namespace Pnen.Data.Formats;

/// <summary>
/// One column of a file read whole into memory (SPSS, Stata, Excel, Parquet), handed to the readers
/// as the text a CSV file would hold, so every consumer of <see cref="CsvSource"/> reads it unchanged
/// and gets what it would get from the equivalent CSV file.
/// </summary>
internal abstract class CellColumn(SourceColumn info)
{
    /// <summary>Room for any value the cells format themselves (a round-trip double, a date and time).</summary>
    public const int ScratchLength = 40;

    public SourceColumn Info { get; } = info;

    public abstract int Length { get; }

    /// <summary>The value as CSV text; empty when it is missing. May be written into <paramref name="scratch"/>.</summary>
    public abstract ReadOnlySpan<char> Text(int row, Span<char> scratch);

    /// <summary>The code a label stands for (<see cref="LabelledCells"/>); empty for any other value.</summary>
    public virtual ReadOnlySpan<char> Code(int row, Span<char> scratch) => default;
}

/// <summary>How a number is shown as text.</summary>
internal enum NumberDisplay
{
    /// <summary>Shortest round-trip form, invariant culture (<c>72</c>, <c>8.875</c>, <c>1E-05</c>).</summary>
    Plain,

    /// <summary>A calendar date held as <see cref="DateOnly.DayNumber"/>, shown yyyy-MM-dd.</summary>
    Date,

    /// <summary>A date and time held as seconds since 0001-01-01, shown yyyy-MM-dd HH:mm:ss (as R's write.csv).</summary>
    DateTime,
}

/// <summary>Numbers; NaN is missing.</summary>
internal sealed class NumberCells(SourceColumn info, double[] values, NumberDisplay display = NumberDisplay.Plain) : CellColumn(info)
{
    public double[] Values { get; } = values;

    public NumberDisplay Display { get; } = display;

    public override int Length => Values.Length;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch) => Format(Values[row], Display, scratch);

    public static ReadOnlySpan<char> Format(double value, NumberDisplay display, Span<char> scratch)
    {
        if (double.IsNaN(value)) return default;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        int written;
        switch (display)
        {
            case NumberDisplay.Date:
                DateOnly.FromDayNumber((int)value).TryFormat(scratch, out written, "yyyy-MM-dd", invariant);
                break;
            case NumberDisplay.DateTime:
                var moment = new DateTime((long)(value * TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
                moment.TryFormat(scratch, out written, moment.Millisecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", invariant);
                break;
            default:
                value.TryFormat(scratch, out written, "R", invariant);
                break;
        }
        return scratch[..written];
    }
}

/// <summary>Text; null is missing.</summary>
internal sealed class TextCells(SourceColumn info, string?[] values) : CellColumn(info)
{
    public string?[] Values { get; } = values;

    public override int Length => Values.Length;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch) => Values[row];
}

/// <summary>
/// A labelled column that reads as its labels (every value has one): the text is the label, and
/// <see cref="Code"/> the stored value, for readers that need a number (an event, a [Code]).
/// </summary>
internal sealed class LabelledCells : CellColumn
{
    private readonly CellColumn _codes;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _labels;

    public LabelledCells(CellColumn codes, SourceColumn info) : base(info)
    {
        _codes = codes;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in info.ValueLabels) labels.TryAdd(label.Code, label.Label);
        _labels = labels.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override int Length => _codes.Length;

    public override ReadOnlySpan<char> Text(int row, Span<char> scratch)
    {
        var code = _codes.Text(row, scratch);
        if (code.IsEmpty) return default;
        // Every value has a label (that is when a column reads as labels); a code without one is
        // shown as itself rather than lost.
        return _labels.TryGetValue(code, out var label) ? label : code;
    }

    public override ReadOnlySpan<char> Code(int row, Span<char> scratch) => _codes.Text(row, scratch);
}
