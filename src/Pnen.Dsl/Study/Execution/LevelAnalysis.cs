using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>Kaplan-Meier per level and the log-rank test over the records where a characteristic is
/// known; and the hazard-ratio rows of a characteristic read off a fitted model.</summary>
internal static class LevelAnalysis
{
    public static (IReadOnlyList<LevelSurvival> Levels, LogRankResult? Test, int Missing) Run(
        IReadOnlyList<string> levels, int[] codes, IReadOnlyList<int> rows, double[] time, bool[] died, bool test)
    {
        var known = rows.Where(r => codes[r] >= 0).ToArray();
        var t = known.Select(r => time[r]).ToArray();
        var d = known.Select(r => died[r]).ToArray();
        var g = known.Select(r => codes[r]).ToArray();
        var curves = KaplanMeier.FitGroups(t, d, g, levels);
        var result = curves.Select(c => new LevelSurvival(
            c.Level, c.N, known.Length == 0 ? 0 : 100.0 * c.N / known.Length, c.Events,
            c.Median.Time, c.Quantile(0.25).Time, c.Quantile(0.75).Time)).ToArray();
        var logRank = test ? LogRank.Test(t, d, g, levels) : null;
        return (result, logRank, rows.Count - known.Length);
    }

    /// <summary>The reference row, then each level's estimate, or a note where the model could not
    /// estimate it. A continuous characteristic has one row, per unit.</summary>
    public static IEnumerable<AdjustedEstimate> Estimates(string label, IReadOnlyList<string> levels, int reference, bool continuous, CoxResult model)
    {
        if (continuous)
        {
            yield return Estimate(label, null, model);
            yield break;
        }
        for (var l = 0; l < levels.Count; l++)
        {
            yield return l == reference
                ? new AdjustedEstimate(label, levels[l], true, null, null, null, null, false, null)
                : Estimate(label, levels[l], model);
        }
    }

    private static AdjustedEstimate Estimate(string label, string? level, CoxResult model)
    {
        if (model.Term(label, level) is { } term)
        {
            // A finite fit can still have an interval that overflows (a huge standard error): its
            // limits say nothing, and a report must not print an infinite or zero bound as a number.
            if (!term.PossiblyInfinite && !(double.IsFinite(term.HazardRatio) && double.IsFinite(term.Lower) && double.IsFinite(term.Upper) && term.Lower > 0))
            {
                return new AdjustedEstimate(label, level, false, null, null, null, null, false, "not estimable: the confidence interval is unbounded");
            }
            return new AdjustedEstimate(label, level, false, term.HazardRatio, term.Lower, term.Upper, term.PValue, term.PossiblyInfinite,
                term.PossiblyInfinite ? "the hazard ratio may be infinite (monotone likelihood): not an estimate" : null);
        }
        var dropped = model.DroppedTerms.FirstOrDefault(d => d.Variable == label && d.Level == level);
        return new AdjustedEstimate(label, level, false, null, null, null, null, false, dropped?.Reason ?? "not estimated");
    }
}
