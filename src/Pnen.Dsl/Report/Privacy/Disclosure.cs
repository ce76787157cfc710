using System.Globalization;
using System.Text.RegularExpressions;

namespace Pnen.Dsl.Report;

/// <summary>
/// What a report may show of its counts (<see cref="ReportOptions.SuppressBelow"/>): every renderer
/// asks here before it prints a count, so a count hidden in one place is hidden in all. Without a
/// threshold everything shows and the report is exactly as it was.
/// </summary>
internal sealed partial class Disclosure
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

    /// <summary>A note from the analysis, with any small count it states ("3 records were left out")
    /// replaced, and any single value it quotes of a continuous characteristic left out.</summary>
    public string Note(string text)
    {
        if (Threshold is not { } t) return text;
        text = CountedNoun().Replace(text, m => Mask(m, t));
        text = ThereAre().Replace(text, m => Mask(m, t));
        text = Analysed().Replace(text, m => Mask(m, t));
        return SingleValue().Replace(text, "(every value is the same)");
    }

    /// <summary>A note of a cohort: the multivariable model's note on complete cases is written again
    /// with the model's counts as the tables show them; any other note goes through <see cref="Note"/>.</summary>
    public string CohortNote<TX>(CohortResult<TX> cohort, string note) where TX : notnull
    {
        if (!Active) return note;
        if (cohort.MultivariableOrNull?.Model is { Dropped: > 0 } m &&
            note == Execution.ModelNotes.Dropped(Numbers.Integer(m.Dropped), m.Dropped == 1, Numbers.Integer(m.N)))
        {
            var dropped = Text(CountKey.ModelDropped(cohort.Name, m.Dropped));
            return Execution.ModelNotes.Dropped(dropped, dropped == "1", Text(CountKey.ModelN(cohort.Name, m.N)));
        }
        return Note(note);
    }

    private static string Mask(Match m, int threshold)
    {
        var number = m.Groups["n"];
        if (!int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n >= threshold) return m.Value;
        var fewer = $"fewer than {threshold.ToString(CultureInfo.InvariantCulture)}";
        if (m.Groups["noun"] is { Success: true } noun)
        {
            // "1 record was left out" becomes "fewer than 11 records were left out".
            var plural = noun.Value.EndsWith('s') || noun.Value.EndsWith(')') ? noun.Value : noun.Value + "s";
            var verb = m.Groups["verb"] is { Success: true } v ? (v.Value == "was" ? " were" : " " + v.Value) : "";
            return $"{fewer} {plural}{verb}";
        }
        return string.Concat(m.Value.AsSpan(0, number.Index - m.Index), fewer, m.Value.AsSpan(number.Index - m.Index + number.Length));
    }

    [GeneratedRegex(@"\b(?<n>\d+) (?<noun>rows?|records?|patients?|row\(s\)|subjects?)\b( (?<verb>was|were)\b)?")]
    private static partial Regex CountedNoun();

    [GeneratedRegex(@"\bthere (are|is) (?<n>\d+)\b")]
    private static partial Regex ThereAre();

    [GeneratedRegex(@"\((?<n>\d+) analysed\)")]
    private static partial Regex Analysed();

    [GeneratedRegex(@"\(every value is -?[0-9][0-9.eE+\-]*\)")]
    private static partial Regex SingleValue();
}
