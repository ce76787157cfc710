namespace Pnen.Stats.Survival;

public static partial class LogRank
{
    /// <summary>
    /// The log-rank test on (start, stop] data: at each death time the rows with start &lt; t ≤ stop
    /// of the stratum are at risk, and O - E and survdiff's hypergeometric variance are summed as
    /// for right-censored data. With a time-dependent group (a tdc) this is the Mantel-Byar test
    /// beside Simon-Makuch curves. R's survdiff takes no (start, stop] data; without tied death
    /// times the statistic equals coxph's score test with Breslow ties (tested so in the R script
    /// that writes the reference values). Right-censored data go to the usual test; case weights
    /// are refused (survdiff has none: a weighted comparison is the robust score test of a
    /// weighted Cox model), and so is rho ≠ 0 with entry times (no reference to agree with).
    /// Group sizes count rows (intervals).
    /// </summary>
    public static LogRankResult Test(
        SurvivalData data,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        ReadOnlySpan<int> strata,
        int strataCount,
        double rho = 0,
        bool timeFix = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Check();
        if (data.Weights is not null) throw new ArgumentException("the log-rank test takes no case weights (R's survdiff has none); use the robust score test of a weighted Cox model", nameof(data));
        if (data.Cluster is not null) throw new ArgumentException("the log-rank test uses no clusters", nameof(data));
        if (data.Start is null) return Test(data.Time, data.Status, group, levels, strata, strataCount, rho, timeFix);
        if (rho != 0) throw new ArgumentOutOfRangeException(nameof(rho), rho, "with (start, stop] data only the log-rank test itself (rho = 0) is available");
        SurvivalInput.CheckGroups(group, levels.Count, data.Count, nameof(group));
        SurvivalInput.CheckGroups(strata, strataCount, data.Count, nameof(strata));

        var (counts, present, slot) = PresentGroups(group, levels.Count);
        var k = present.Length;

        if (timeFix) data = data.WithTimeFix();
        var order = SurvivalOrder.Create(data.Time, strata, strataCount, timeFix: false);
        var slots = new int[data.Count];
        for (var r = 0; r < slots.Length; r++) slots[r] = slot[group[r]];
        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k * k];
        for (var s = 0; s < strataCount; s++)
        {
            var rows = order.Rows[order.Start[s]..order.Start[s + 1]];
            AccumulateCountingStratum(rows, data.Start!, data.Time, data.Status, slots, observed, expected, variance);
        }

        return Statistic(Groups(levels, counts, present, observed, expected), variance, rho);
    }

    /// <param name="rows">The stratum's rows sorted by stop time.</param>
    private static void AccumulateCountingStratum(
        int[] rows, double[] start, double[] stop, bool[] status, int[] slots,
        double[] observed, double[] expected, double[] variance)
    {
        var k = observed.Length;
        var atRisk = new double[k];
        var deathsByGroup = new double[k];
        var byStart = KaplanMeierCounting.SortedByStart(rows, start);
        var entering = 0;
        var n = 0.0;
        var i = 0;
        while (i < rows.Length)
        {
            var t = stop[rows[i]];
            for (; entering < byStart.Length && start[byStart[entering]] < t; entering++)
            {
                atRisk[slots[byStart[entering]]]++;
                n++;
            }
            var end = i;
            var deaths = 0.0;
            Array.Clear(deathsByGroup);
            for (; end < rows.Length && stop[rows[end]] == t; end++)
            {
                if (!status[rows[end]]) continue;
                deaths++;
                deathsByGroup[slots[rows[end]]]++;
            }
            if (deaths > 0) AddDeathTime(0, 1, deaths, n, atRisk, deathsByGroup, observed, expected, variance);
            for (; i < end; i++)
            {
                atRisk[slots[rows[i]]]--;
                n--;
            }
        }
    }
}
