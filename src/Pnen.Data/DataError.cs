namespace Pnen.Data;

/// <summary>
/// One problem found in the input, located as precisely as the reader knows it.
/// Row is the 1-based data row (the first row after the header is row 1); null when the
/// problem concerns the whole file or a column.
/// </summary>
public sealed record DataError(string File, long? Row, string? Column, string? Value, string Problem)
{
    /// <summary>One line naming file, row, column and value, e.g.
    /// <c>lung.csv: row 12, column 'time', value 'abc': not a number</c>.</summary>
    public override string ToString()
    {
        var where = new System.Text.StringBuilder(OneLine(File));
        if (Row is { } row) where.Append(": row ").Append(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Column is not null) where.Append(Row is null ? ": " : ", ").Append("column '").Append(OneLine(Column)).Append('\'');
        if (Value is not null) where.Append(", value '").Append(Shorten(Value)).Append('\'');
        return where.Append(": ").Append(OneLine(Problem)).ToString();
    }

    // The CLI prints an error as its one line on stderr, and a quoted CSV field (a value, or a
    // column name that a problem may quote) can hold line breaks.
    private static string OneLine(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // A multi-megabyte field must not become a multi-megabyte error line.
    private static string Shorten(string value)
    {
        const int max = 60;
        var oneLine = OneLine(value);
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max), $"... ({value.Length} characters)");
    }
}
