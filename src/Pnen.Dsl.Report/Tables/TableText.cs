using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>The cells the survival tables share, formatted by the report's options.</summary>
internal sealed class TableText(ReportOptions options, Disclosure disclosure, string? timeUnit = null)
{
    public ReportOptions Options { get; } = options;

    /// <summary>Decimals of times: the options', else one for years and none for shorter units.</summary>
    public int TimeDecimals { get; } = options.TimeDecimals ?? (timeUnit?.Trim().ToLowerInvariant() is "years" or "year" or "y" or "yr" ? 1 : 0);

    /// <summary>Which counts may be shown (everything, unless the report suppresses small cells).</summary>
    public Disclosure Disclosure { get; } = disclosure;

    public TableCell P(double? p) => p is { } value ? new TableCell(PValue(value), value <= Options.SignificanceLevel) : new TableCell(Dash);

    /// <summary>"n (%)", or the marker alone when the count is hidden (its percentage would give it away).</summary>
    public string CountPercent(CountKey key, double percent) =>
        Disclosure.IsHidden(key) ? Disclosure.Marker : Numbers.CountPercent(key.Value, percent, Options.PercentDecimals);

    /// <summary>A count, or the marker when it is hidden.</summary>
    public string Count(CountKey key) => Disclosure.Text(key);

    /// <summary>The median (IQR) of a level; not shown for a group so small that its quartiles are single patients' times.</summary>
    public string Median(LevelSurvival level) =>
        level.N == 0 ? Dash
        : Disclosure.IsSmall(level.N) ? Disclosure.Marker
        : MedianWithQuartiles(level.Median, level.Q25, level.Q75, TimeDecimals, Options.NotReached);

    /// <summary>The table's footnotes, with the suppression footnote when a cell or the title hides a count.</summary>
    public IReadOnlyList<string> WithDisclosure(IReadOnlyList<string> footnotes, string title, IEnumerable<TableRow> rows)
    {
        if (!Disclosure.Active) return footnotes;
        var marked = title.Contains(Disclosure.Marker, StringComparison.Ordinal) || rows.Any(r => r.Cells.Any(c => c.Text.Contains(Disclosure.Marker, StringComparison.Ordinal)));
        return marked ? [.. footnotes, Disclosure.Footnote] : footnotes;
    }


    public string Time(double? time) => time is { } t ? Fixed(t, TimeDecimals) : Options.NotReached;

    /// <summary>The HR cell: "Ref", the HR with its CI, or a dash where the model could not estimate it.</summary>
    public string Estimate(Estimate e) => e switch
    {
        { IsReference: true } => "Ref",
        { PossiblyInfinite: true, Firth: { } firth } => FirthText.Beside(firth, Options.RatioDecimals),
        { PossiblyInfinite: true } => "not estimable",
        { HazardRatio: { } hr, Lower: { } lo, Upper: { } hi } => HazardRatio(hr, lo, hi, Options.RatioDecimals),
        _ => Dash,
    };

    public TableCell EstimateP(Estimate e) => e switch
    {
        { PossiblyInfinite: true, Firth: { } firth } => new TableCell(FirthText.P(firth), firth.P <= Options.SignificanceLevel),
        { IsReference: true } or { PossiblyInfinite: true } => TableCell.Empty,
        _ => P(e.P),
    };

    public string SignificanceFootnote => $"P values in bold (\u2264 {Fixed(Options.SignificanceLevel, 2)}) are significant.";

    public string MedianFootnote(StudySummary summary) =>
        $"Median (IQR): Kaplan\u2013Meier median {Prose.Inline(summary.OutcomeLabel)}{InUnit(summary)} with its 25th and 75th percentiles; " +
        $"an open end of the range (e.g. \u201c72 (33{RangeDash})\u201d) is a percentile not reached, and \u201c{Options.NotReached}\u201d a median not reached.";

    /// <summary>The time unit after a column header: "Median (IQR), days".</summary>
    public static string Unit(StudySummary summary) => summary.TimeUnit is { Length: > 0 } unit ? $", {unit}" : "";

    /// <summary>The time unit after a quantity in prose: "median survival time (days)".</summary>
    public static string InUnit(StudySummary summary) => summary.TimeUnit is { Length: > 0 } unit ? $" ({unit})" : "";
}
