namespace Pnen.Dsl.Report;

/// <summary>
/// A result's notes as the report says them: each typed note in its own words, its counts through the
/// report's disclosure rules (a hidden count reads "fewer than N", as the tables hide it), so that no
/// sentence is ever read back or rewritten.
/// </summary>
internal static class NoteText
{
    public static string Render(string cohort, Note note, Disclosure disclosure) => Prose.Sentence(note switch
    {
        RecordsLeftOutOfModel r => $"{Records(disclosure, CountKey.ModelDropped(cohort, r.ModelId, r.Count))} left out of the model {r.Model} for a missing value " +
            $"({disclosure.Text(CountKey.ModelN(cohort, r.ModelId, r.Analysed))} analysed)",
        RecordsWithoutStratum r => $"{Records(disclosure, CountKey.StrataMissing(cohort, r.Count))} left out of the stratified tests and models for a missing {string.Join(" or ", r.Strata)}",
        RecordsWithoutStart r => $"{Records(disclosure, CountKey.WithoutStart(cohort, r.Count))} left out of the time-dependent and landmark analyses: exposed without a value of {Prose.Inline(r.StartsAt)}, or followed for no time",
        StartsAfterFollowUp r => $"{Records(disclosure, CountKey.StartsAfterFollowUp(cohort, r.Count))} exposed, with {Prose.Inline(r.StartsAt)} at or after the end of follow-up: unexposed throughout in the time-dependent analyses",
        RecordsLeftOutOfWeighting r => $"{Records(disclosure, CountKey.WeightingDropped(cohort, r.Count))} left out of the propensity model for a missing value " +
            $"({disclosure.Text(CountKey.WeightingN(cohort, r.Analysed))} analysed)",
        RecordsLeftOutOfAdjustedCurves r => $"{Records(disclosure, CountKey.CurvesDropped(cohort, r.Count))} left out of the adjusted curves for a missing value " +
            $"({disclosure.Text(CountKey.CurvesN(cohort, r.Analysed))} analysed)",
        _ => note.Describe(),
    });

    /// <summary>"3 records were"; "fewer than 11 records were" for a small count; "* records were" for a
    /// count hidden because it would give a small one away.</summary>
    private static string Records(Disclosure disclosure, CountKey key)
    {
        if (disclosure.IsSmall(key.Value)) return $"fewer than {Numbers.Integer(disclosure.Threshold!.Value)} records were";
        if (disclosure.IsHidden(key)) return $"{Disclosure.Marker} records were";
        return key.Value == 1 ? "1 record was" : $"{Numbers.Integer(key.Value)} records were";
    }
}
