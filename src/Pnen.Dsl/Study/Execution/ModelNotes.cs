namespace Pnen.Dsl.Execution;

/// <summary>Notes on a model that state counts, in one place: the report writes them again with the
/// counts hidden under small-cell suppression, and must recognise them.</summary>
internal static class ModelNotes
{
    /// <summary>How many records the multivariable model left out (complete cases), and how many it analysed.</summary>
    public static string Dropped(string dropped, bool one, string analysed) =>
        $"{dropped} record{(one ? " was" : "s were")} left out of the multivariable model for a missing covariate ({analysed} analysed)";
}
