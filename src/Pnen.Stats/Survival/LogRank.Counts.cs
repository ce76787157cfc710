namespace Pnen.Stats.Survival;

public static partial class LogRank
{
    /// <summary>
    /// The (G-rho) log-rank test from event and censoring counts per (stratum, group, time), as
    /// <c>GROUP BY stratum, group, time</c> gives them: exactly the test
    /// <see cref="Test(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, IReadOnlyList{string}, ReadOnlySpan{int}, int, double, bool)"/>
    /// gives for the rows counted. Risk sets are per stratum, the near-tie merging is over the pooled
    /// distinct times, and each death time adds the same O, E and variance terms (survdiff2.c).
    /// </summary>
    public static LogRankResult TestCounts(SurvivalCounts counts, IReadOnlyList<string> levels, int strataCount, double rho = 0, bool timeFix = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(levels);
        SurvivalInput.CheckGroups(counts.Group, levels.Count, counts.Count, nameof(counts.Group));
        SurvivalInput.CheckGroups(counts.Stratum, strataCount, counts.Count, nameof(counts.Stratum));
        if (!double.IsFinite(rho)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must be finite");

        var rows = new int[levels.Count];
        for (var i = 0; i < counts.Count; i++) rows[counts.Group[i]] = checked(rows[counts.Group[i]] + counts.Events[i] + counts.Censored[i]);
        var present = Enumerable.Range(0, levels.Count).Where(g => rows[g] > 0).ToArray();
        var slot = new int[levels.Count];
        for (var i = 0; i < present.Length; i++) slot[present[i]] = i;
        var k = present.Length;

        // Time-major within each stratum: (stratum, time, group) order.
        var (stratum, group, time, events, censored) = counts.Merged(timeFix, timeMajor: true);

        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k * k];
        var atRisk = new double[k];
        var deathsByGroup = new double[k];
        var at = 0;
        while (at < time.Length)
        {
            var s = stratum[at];
            var end = at;
            Array.Clear(atRisk);
            for (; end < time.Length && stratum[end] == s; end++) atRisk[slot[group[end]]] += events[end] + censored[end];
            var n = atRisk.Sum();
            var kaplan = 1.0;
            while (at < end)
            {
                var t = time[at];
                var next = at;
                var deaths = 0.0;
                Array.Clear(deathsByGroup);
                for (; next < end && time[next] == t; next++)
                {
                    deaths += events[next];
                    deathsByGroup[slot[group[next]]] += events[next];
                }
                if (deaths > 0) kaplan = AddDeathTime(rho, kaplan, deaths, n, atRisk, deathsByGroup, observed, expected, variance);
                for (var j = at; j < next; j++)
                {
                    var leaving = events[j] + censored[j];
                    atRisk[slot[group[j]]] -= leaving;
                    n -= leaving;
                }
                at = next;
            }
        }
        return Statistic(Groups(levels, rows, present, observed, expected), variance, rho);
    }
}
