namespace Pnen.Data.Formats.Spss;

/// <summary>A variable of an SPSS system file, assembled from its slots: a number, or a string of
/// <see cref="Width"/> bytes stored in one or more segments (very long strings, PSPP "Very Long String Record").</summary>
internal sealed class SavVariable
{
    public required string Name { get; init; }

    public string? Label { get; init; }

    /// <summary>0 for a number, else the string's width in bytes.</summary>
    public required int Width { get; init; }

    /// <summary>Where the value is in a case: the first slot and the width of each segment (one for all but very long strings).</summary>
    public required IReadOnlyList<(int Slot, int Width)> Segments { get; init; }

    /// <summary>The print format's type code (PSPP "Variable Record": 20 DATE, 22 DATETIME, ...).</summary>
    public required int FormatType { get; init; }

    public bool IsString => Width > 0;

    /// <summary>Discrete user-missing values: numbers, or strings without trailing blanks.</summary>
    public List<double> MissingNumbers { get; } = [];

    public List<byte[]> MissingStrings { get; } = [];

    /// <summary>A user-missing range (LO THRU HI), inclusive.</summary>
    public (double Low, double High)? MissingRange { get; set; }

    /// <summary>Value labels: a number or a string (without trailing blanks) and its label's bytes.</summary>
    public List<(double Number, byte[] Text, byte[] Label)> Labels { get; } = [];

    public bool IsUserMissing(double value)
    {
        if (MissingRange is { } range && value >= range.Low && value <= range.High) return true;
        foreach (var missing in MissingNumbers)
        {
            if (missing == value) return true;
        }
        return false;
    }

    public bool IsUserMissing(ReadOnlySpan<byte> trimmed)
    {
        foreach (var missing in MissingStrings)
        {
            if (trimmed.SequenceEqual(missing)) return true;
        }
        return false;
    }
}
