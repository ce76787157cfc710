namespace Pnen.Data;

/// <summary>How a data file is opened, beyond what its extension says.</summary>
public sealed record ReadOptions
{
    public static readonly ReadOptions Default = new();

    /// <summary>The sheet of an Excel workbook to read; null for the first sheet. Only .xlsx files have sheets.</summary>
    public string? Sheet { get; init; }
}
