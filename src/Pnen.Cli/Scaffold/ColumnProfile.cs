using Pnen.Data;

namespace Pnen.Cli.Scaffold;

/// <summary>What one pass over a column shows: which types every value fits, its distinct values
/// (up to a cap), its numeric range and whether anything is missing; and what the file says of it
/// (labels, for SPSS and Stata).</summary>
internal sealed class ColumnProfile(SourceColumn source)
{
    /// <summary>Beyond this many distinct values a column is not a set of levels, and we stop counting.</summary>
    public const int DistinctCap = 64;

    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);

    public string Name => Source.Name;

    public SourceColumn Source { get; } = source;

    public int Present { get; private set; }

    public bool HasMissing { get; private set; }

    public bool AllNumbers { get; private set; } = true;

    public bool AllIntegers { get; private set; } = true;

    public bool AllZeroOne { get; private set; } = true;

    public bool AllWords { get; private set; } = true; // true/false/yes/no

    /// <summary>Every value a date written yyyy-MM-dd (as dates of SPSS, Stata, Excel and Parquet files read).</summary>
    public bool AllDates { get; private set; } = true;

    /// <summary>Every value a label whose code is 0 or 1: a labelled yes/no or event.</summary>
    public bool CodesZeroOne { get; private set; } = true;

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Whether more distinct values were seen than <see cref="DistinctCap"/>.</summary>
    public bool ManyDistinct { get; private set; }

    public IReadOnlyCollection<string> Distinct => _distinct;

    /// <param name="code">The code behind a labelled value; empty for other values.</param>
    public void Add(ReadOnlySpan<char> field, ReadOnlySpan<char> code, MissingValues missing)
    {
        if (missing.IsMissing(field))
        {
            HasMissing = true;
            return;
        }
        Present++;
        var text = field.Trim();
        if (code.IsEmpty || !(code.SequenceEqual("0") || code.SequenceEqual("1"))) CodesZeroOne = false;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)) AllDates = false;
        if (!ManyDistinct && !_distinct.Contains(text.ToString()))
        {
            if (_distinct.Count == DistinctCap) ManyDistinct = true;
            else _distinct.Add(text.ToString());
        }

        if (ValueParser.TryParseFinite(text, out var number))
        {
            Min = Math.Min(Min, number);
            Max = Math.Max(Max, number);
            if (Math.Floor(number) != number || Math.Abs(number) > long.MaxValue / 2d) AllIntegers = false;
            if (number is not (0 or 1)) AllZeroOne = false;
            AllWords = false;
        }
        else
        {
            AllNumbers = false;
            AllIntegers = false;
            AllZeroOne = false;
            if (!ValueParser.TryParseBoolean(text, out _)) AllWords = false;
        }
    }
}
