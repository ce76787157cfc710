using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>Kaplan-Meier per level over the records where a characteristic is known; and the
/// hazard-ratio rows of a term read off a fitted model.</summary>
internal static class LevelAnalysis
{
    public static (IReadOnlyList<LevelSurvival> Levels, int Missing) Survival<T>(IReadOnlyList<string> levels, int[] codes, IReadOnlyList<int> rows, CohortFrame<T> frame)
    {
        var known = rows.Where(r => codes[r] >= 0).ToArray();
        var curves = KaplanMeier.FitGroups(frame.Data(known), known.Select(r => codes[r]).ToArray(), levels);
        var result = curves.Select(c => new LevelSurvival(
            c.Level, c.N, known.Length == 0 ? 0 : 100.0 * c.N / known.Length, c.Events,
            c.Median.Time, c.Quantile(0.25).Time, c.Quantile(0.75).Time)).ToArray();
        return (result, rows.Count - known.Length);
    }

    /// <summary>One row per level in level order (the reference's without numbers), or one row for a
    /// number; each read from the model's term named <paramref name="id"/>, or a note where the model
    /// could not estimate it.</summary>
    public static IReadOnlyList<Estimate> Estimates(string id, IReadOnlyList<string> levels, int reference, bool continuous, CoxResult model)
    {
        if (continuous) return [Estimate(id, null, model)];
        return levels.Select((level, l) => l == reference
            ? new Estimate(id, level, true, null, null, null, null, false, null)
            : Estimate(id, level, model)).ToArray();
    }

    /// <summary>The rows of a term that is not in the model, each saying why.</summary>
    public static IReadOnlyList<Estimate> Absent(string id, IReadOnlyList<string> levels, int reference, bool continuous, string note) => continuous
        ? [new Estimate(id, null, false, null, null, null, null, false, note)]
        : levels.Select((level, l) => new Estimate(id, level, l == reference, null, null, null, null, false, l == reference ? null : note)).ToArray();

    /// <param name="variable">The engine's name of the term's columns, when it is not the id (an interaction's "a:b").</param>
    public static Estimate Estimate(string id, string? level, CoxResult model, string? variable = null)
    {
        variable ??= id;
        if (model.Term(variable, level) is { } term)
        {
            // A finite fit can still have an interval that overflows (a huge standard error): its
            // limits say nothing, and a report must not print an infinite or zero bound as a number.
            if (!term.PossiblyInfinite && !(double.IsFinite(term.HazardRatio) && double.IsFinite(term.Lower) && double.IsFinite(term.Upper) && term.Lower > 0))
            {
                return new Estimate(id, level, false, null, null, null, null, false, "not estimable: the confidence interval is unbounded");
            }
            return new Estimate(id, level, false, term.HazardRatio, term.Lower, term.Upper, term.PValue, term.PossiblyInfinite,
                term.PossiblyInfinite ? "the hazard ratio may be infinite (monotone likelihood): not an estimate" : null);
        }
        var dropped = model.DroppedTerms.FirstOrDefault(d => d.Variable == variable && d.Level == level);
        return new Estimate(id, level, false, null, null, null, null, false, dropped?.Reason ?? "not estimated");
    }
}
