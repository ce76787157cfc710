namespace Pnen.Dsl.Report;

/// <summary>
/// Where a report goes and how it is formatted. Everything here that changes the output is recorded
/// in <c>manifest.json</c>; nothing here (or anywhere in the report) depends on the clock or the machine.
/// </summary>
public sealed record ReportOptions
{
    /// <summary>The report folder. It is replaced as a whole; it must be new, empty, or an earlier Pnen report.</summary>
    public required string OutputDirectory { get; init; }

    public ReportFormats Formats { get; init; } = ReportFormats.Default;

    /// <summary>The input data's name and SHA-256, for the manifest.</summary>
    public DataFingerprint? Data { get; init; }

    /// <summary>A fingerprint of the plan (e.g. a hash of its description), supplied by the caller.</summary>
    public string? PlanFingerprint { get; init; }

    /// <summary>The report's title; the study's name when null.</summary>
    public string? Title { get; init; }

    /// <summary>P values at or below this are marked significant (two-sided, as the paper: P ≤ 0.05).</summary>
    public double SignificanceLevel { get; init; } = 0.05;

    /// <summary>Decimals of survival times (medians, quartiles) in tables; null (the default): whole days,
    /// weeks or months (the paper prints whole months), one decimal for years.</summary>
    public int? TimeDecimals { get; init; }

    /// <summary>Decimals of percentages in tables; the paper prints whole percents.</summary>
    public int PercentDecimals { get; init; }

    /// <summary>Decimals of hazard ratios and their limits.</summary>
    public int RatioDecimals { get; init; } = 3;

    /// <summary>What a median that was not reached reads as in a table.</summary>
    public string NotReached { get; init; } = "not reached";

    /// <summary>Spacing of the time axis ticks and of the numbers at risk; chosen from the data and the
    /// time unit when null (12-month steps for months, round numbers otherwise).</summary>
    public double? TimeBreak { get; init; }

    /// <summary>Renders figures to PNG when <see cref="Formats"/> includes <see cref="ReportFormats.Png"/>.</summary>
    public IFigureRasterizer? Rasterizer { get; init; }

    /// <summary>
    /// Small-cell suppression for registry data agreements (CMS: 11, counts 1 to 10 hidden; US cancer
    /// statistics: 16): every count from 1 to this - 1 is shown as "*" in every table, figure, CSV and
    /// results.json, with complementary suppression so that no hidden count can be computed from the
    /// totals, and a footnote says so. Kaplan-Meier curves stop where fewer than this many are at risk,
    /// results.json leaves out the curves' step tables (event times of single patients) and the
    /// minimum and maximum of continuous characteristics. Null (the default): nothing is hidden.
    /// Sections the study adds itself (<see cref="AdditionalSections"/>) are its own responsibility.
    /// </summary>
    public int? SuppressBelow { get; init; }

    /// <summary>Sections appended after the generated ones (e.g. a reproduction audit).</summary>
    public IReadOnlyList<ReportSection> AdditionalSections { get; init; } = [];
}
