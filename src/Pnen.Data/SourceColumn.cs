namespace Pnen.Data;

/// <summary>
/// What a file says about one of its columns besides the values: the variable label and value
/// labels of an SPSS or Stata file. A CSV column has only its name.
/// </summary>
/// <param name="Name">The column's name as the header (or the variable name) gives it.</param>
public sealed record SourceColumn(string Name)
{
    /// <summary>The variable label (SPSS, Stata); null when there is none.</summary>
    public string? Label { get; init; }

    /// <summary>The value labels, in the order of their codes (numeric codes by value, text codes
    /// ordinally); labels of values declared missing are left out.</summary>
    public IReadOnlyList<ValueLabel> ValueLabels { get; init; } = [];

    /// <summary>Whether the column reads as its labels: every value in the file has one. A column
    /// with a value that has no label reads as its codes (numbers), and its labels are only described here.</summary>
    public bool ReadsAsLabels { get; init; }
}

/// <summary>One value label: the value as the file stores it (a number in invariant, round-trip
/// form, or text) and the text it stands for.</summary>
public sealed record ValueLabel(string Code, string Label);
