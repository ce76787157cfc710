using Pnen.Stats.Survival;

namespace Pnen.Dsl.Execution;

/// <summary>The log-rank test of a categorical variable among some rows of a cohort, stratified by the
/// plan's strata when it has any (R: <c>survdiff(Surv(t, d) ~ g + strata(s))</c>): rows with a missing
/// level or stratum are left out. On (start, stop] rows of a time-dependent exposure it is the
/// Mantel-Byar test.</summary>
internal static class StratifiedLogRank
{
    public static LogRankResult Test<T>(CohortFrame<T> frame, int[] codes, IReadOnlyList<string> levels, IReadOnlyList<int> rows)
    {
        var used = frame.StrataKnown(rows).Where(r => codes[r] >= 0).ToArray();
        var groups = used.Select(r => codes[r]).ToArray();
        if (frame.Strata.Length == 0) return LogRank.Test(frame.Data(used), groups, levels, new int[used.Length], 1);
        var (strata, strataLevels) = StrataCodes.Combine(frame.Strata, used);
        return LogRank.Test(frame.Data(used), groups, levels, strata, strataLevels.Length);
    }

    public static TestResult Summary(LogRankResult result) => new(TestKind.LogRank, result.ChiSquare, result.DegreesOfFreedom, result.PValue);
}
