
namespace Pnen.Dsl.Report;

/// <summary>
/// What a report may show of its counts (<see cref="ReportOptions.SuppressBelow"/>): every renderer
/// asks here before it prints a count, so a count hidden in one place is hidden in all. Without a
/// threshold everything shows and the report is exactly as it was.
/// </summary>
internal sealed class Disclosure
{
    /// <summary>What a hidden count reads as, in every format.</summary>
    public const string Marker = "*";

    public static readonly Disclosure None = new(null, new Dictionary<CountKey, int>(), new CellSuppression());

    private readonly Dictionary<CountKey, int> _cells;
    private readonly CellSuppression _solver;

    public Disclosure(int? threshold, Dictionary<CountKey, int> cells, CellSuppression solver)
    {
        Threshold = threshold;
        _cells = cells;
        _solver = solver;
    }

    /// <summary>Counts from 1 to Threshold - 1 are hidden; null when nothing is.</summary>
    public int? Threshold { get; }

    public bool Active => Threshold is not null;

    /// <summary>How many registered counts are hidden (primary and complementary).</summary>
    public int HiddenCount => Active ? _solver.HiddenCount : 0;

    /// <summary>Whether the count must not be shown. A count no table sum binds (one the builder did
    /// not register) is hidden by the primary rule alone.</summary>
    public bool IsHidden(CountKey key)
    {
        if (!Active) return false;
        return _cells.TryGetValue(key, out var id) ? _solver.IsHidden(id) : IsSmall(key.Value);
    }

    public string Text(CountKey key) => IsHidden(key) ? Marker : Numbers.Integer(key.Value);

    /// <summary>A count of 1 to Threshold - 1: its group is too small for figures that describe its
    /// members one by one (a median survival time, a curve's steps, a summary of values).</summary>
    public bool IsSmall(int count) => Threshold is { } t && count >= 1 && count < t;

    /// <summary>A count that stands alone (a number at risk under a curve): the primary rule.</summary>
    public string Alone(int count) => IsSmall(count) ? Marker : Numbers.Integer(count);

    /// <summary>The footnote of a table or figure that hides counts.</summary>
    public string Footnote => $"{Marker} Not shown: a count from 1 to {Threshold - 1}, or a count from which one could be computed with the totals (complementary suppression).";

    /// <summary>The footnote of a figure, where space is short.</summary>
    public string ShortFootnote => $"{Marker} not shown: fewer than {Threshold}, or a count from which one could be computed.";

    /// <summary>The statement in the methods, when anything is suppressed.</summary>
    public string Methods =>
        $"Small cells are suppressed: counts from 1 to {Threshold - 1} are not shown ({Marker}), nor counts from which one could be computed with the totals; " +
        $"Kaplan\u2013Meier curves stop where fewer than {Threshold} patients are at risk; medians and summaries of groups smaller than {Threshold} are not shown.";
}
