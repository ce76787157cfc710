using System.Globalization;
using Pnen.Data;

namespace Pnen.Dsl.Loading;

public sealed class DoubleBuilder(VariableDescriptor variable, CodebookReader reader) : NumericBuilder<double>(variable, reader)
{
    private protected override string? ParseNumber(ReadOnlySpan<char> text, out double value) =>
        ValueParser.TryParseFinite(text, out value) ? null : ValueParser.DescribeNotFinite(text);

    private protected override double ToDouble(double value) => value;
}

public sealed class DecimalBuilder(VariableDescriptor variable, CodebookReader reader) : NumericBuilder<decimal>(variable, reader)
{
    private protected override string? ParseNumber(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) ? null : "not a number";

    private protected override double ToDouble(decimal value) => (double)value;
}

public sealed class Int32Builder(VariableDescriptor variable, CodebookReader reader) : NumericBuilder<int>(variable, reader)
{
    private protected override string? ParseNumber(ReadOnlySpan<char> text, out int value)
    {
        var problem = WholeNumber.Parse(text, int.MinValue, int.MaxValue, out var wide);
        value = (int)wide;
        return problem;
    }

    private protected override double ToDouble(int value) => value;
}

public sealed class Int64Builder(VariableDescriptor variable, CodebookReader reader) : NumericBuilder<long>(variable, reader)
{
    private protected override string? ParseNumber(ReadOnlySpan<char> text, out long value) =>
        WholeNumber.Parse(text, long.MinValue, long.MaxValue, out value);

    private protected override double ToDouble(long value) => value;
}

/// <summary>Dates in ISO 8601 form (yyyy-MM-dd) only: any other form is ambiguous across locales.</summary>
public sealed class DateBuilder(VariableDescriptor variable, CodebookReader reader) : NumericBuilder<DateOnly>(variable, reader)
{
    private protected override string? ParseNumber(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? null
            : "not a date in the form yyyy-MM-dd";

    private protected override double ToDouble(DateOnly value) => value.DayNumber;
}
