using Pnen.Stats.Distributions;
using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival;

/// <summary>
/// The log-rank test and the Fleming-Harrington G-rho family, as R's survdiff computes them:
/// observed minus expected events per group, their variance summed over event times (and
/// strata), and χ² = (O - E)' V⁻ (O - E) over the groups with expected events, the first of them
/// left out. Weights S(t-)^rho use the pooled Kaplan-Meier of the stratum; rho = 0 is the
/// log-rank test, rho = 1 Peto-Peto's modification of the Gehan-Wilcoxon test.
/// </summary>
public static partial class LogRank
{
    private static readonly double InverseTolerance = Math.Pow(2, -52 * 0.75);

    /// <summary>Tests for a difference between the groups' survival.</summary>
    public static LogRankResult Test(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        double rho = 0,
        bool timeFix = true) =>
        Test(time, status, group, levels, new int[time.Length], 1, rho, timeFix);

    /// <summary>Tests within strata (codes 0..strataCount-1) and sums: each stratum has its own risk sets.</summary>
    public static LogRankResult Test(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        ReadOnlySpan<int> strata,
        int strataCount,
        double rho = 0,
        bool timeFix = true)
    {
        SurvivalInput.Check(time, status);
        SurvivalInput.CheckGroups(group, levels.Count, time.Length, nameof(group));
        SurvivalInput.CheckGroups(strata, strataCount, time.Length, nameof(strata));
        if (!double.IsFinite(rho)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must be finite");
        return SurvivalTally.TryCount(time, status, group, strata, SurvivalTally.MaxCells(time.Length)) is { } tally
            ? TestCounts(tally, levels, strataCount, rho, timeFix)
            : TestSorted(time, status, group, levels, strata, strataCount, rho, timeFix);
    }

    /// <summary>The test from the rows sorted by (stratum, time): the path for times too distinct to
    /// count (<see cref="SurvivalTally"/>; arguments checked by the caller). The same result, bit for bit.</summary>
    internal static LogRankResult TestSorted(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        ReadOnlySpan<int> strata,
        int strataCount,
        double rho,
        bool timeFix)
    {
        var (counts, present, slot) = PresentGroups(group, levels.Count);
        var k = present.Length;

        var order = SurvivalOrder.Create(time, strata, strataCount, timeFix);
        // Group slot and event of each sorted position, packed (slot * 2 + event) and gathered once,
        // so the walk over the risk sets reads memory in order instead of looking rows up.
        var packed = new int[time.Length];
        for (var r = 0; r < packed.Length; r++) packed[r] = slot[group[r]] * 2 + (status[r] ? 1 : 0);
        var codes = new int[time.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = packed[order.Rows[i]];

        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k * k];
        var atRisk = new double[k];
        for (var s = 0; s < strataCount; s++)
        {
            var (from, to) = (order.Start[s], order.Start[s + 1]);
            AccumulateStratum(order.Times.AsSpan(from, to - from), codes.AsSpan(from, to - from), rho, atRisk, observed, expected, variance);
        }

        return Statistic(Groups(levels, counts, present, observed, expected), variance, rho);
    }

    /// <summary>Rows per level, the levels that occur (only they are compared, as survdiff drops
    /// empty factor levels) and each level's slot among them.</summary>
    private static (int[] Counts, int[] Present, int[] Slot) PresentGroups(ReadOnlySpan<int> group, int levelCount)
    {
        var counts = new int[levelCount];
        foreach (var g in group) counts[g]++;
        var present = Enumerable.Range(0, levelCount).Where(g => counts[g] > 0).ToArray();
        var slot = new int[levelCount];
        for (var i = 0; i < present.Length; i++) slot[present[i]] = i;
        return (counts, present, slot);
    }

    private static LogRankGroup[] Groups(IReadOnlyList<string> levels, int[] counts, int[] present, double[] observed, double[] expected)
    {
        var result = new LogRankGroup[present.Length];
        for (var i = 0; i < result.Length; i++) result[i] = new LogRankGroup(levels[present[i]], counts[present[i]], observed[i], expected[i]);
        return result;
    }

    private static void AccumulateStratum(
        ReadOnlySpan<double> times, ReadOnlySpan<int> codes,
        double rho, double[] atRisk, double[] observed, double[] expected, double[] variance)
    {
        var k = observed.Length;
        Array.Clear(atRisk);
        foreach (var code in codes) atRisk[code >> 1]++;
        var deathsByGroup = new double[k];
        var n = (double)codes.Length;
        var kaplan = 1.0; // the pooled curve just before the current time: left-continuous
        var i = 0;
        while (i < codes.Length)
        {
            var t = times[i];
            var end = i;
            var deaths = 0.0;
            Array.Clear(deathsByGroup);
            for (; end < codes.Length && times[end] == t; end++)
            {
                if ((codes[end] & 1) == 0) continue;
                deaths++;
                deathsByGroup[codes[end] >> 1]++;
            }

            if (deaths > 0) kaplan = AddDeathTime(rho, kaplan, deaths, n, atRisk, deathsByGroup, observed, expected, variance);

            for (var j = i; j < end; j++) atRisk[codes[j] >> 1]--;
            n -= end - i;
            i = end;
        }
    }

    /// <summary>One death time's weighted O, E and hypergeometric variance (survdiff2.c), the
    /// weight S(t-)^rho from the pooled curve <paramref name="kaplan"/> just before it; returns the
    /// pooled curve just after it.</summary>
    private static double AddDeathTime(
        double rho, double kaplan, double deaths, double n, double[] atRisk, double[] deathsByGroup,
        double[] observed, double[] expected, double[] variance)
    {
        var weight = rho == 0 ? 1 : Math.Pow(kaplan, rho);
        var k = observed.Length;
        for (var g = 0; g < k; g++)
        {
            observed[g] += weight * deathsByGroup[g];
            expected[g] += weight * deaths * atRisk[g] / n;
        }
        if (n > 1)
        {
            var w2 = weight * weight;
            for (var a = 0; a < k; a++)
            {
                var term = w2 * deaths * atRisk[a] * (n - deaths) / (n * (n - 1));
                variance[a * k + a] += term;
                for (var b = 0; b < k; b++) variance[a * k + b] -= term * atRisk[b] / n;
            }
        }
        return kaplan * ((n - deaths) / n);
    }

    private static LogRankResult Statistic(LogRankGroup[] groups, double[] variance, double rho)
    {
        var k = groups.Length;
        var tested = Enumerable.Range(0, k).Where(g => groups[g].Expected > 0).ToArray();
        if (tested.Length < 2)
        {
            var why = k < 2
                ? "only one group: there is nothing to compare"
                : "fewer than two groups have expected events: there is nothing to compare";
            return new LogRankResult(null, 0, null, rho, groups, [why]);
        }

        // Drop the first tested group: the deviations sum to zero, so one is redundant.
        var m = tested.Length - 1;
        var deviation = new double[m];
        var v = new double[m * m];
        for (var a = 0; a < m; a++)
        {
            var ga = tested[a + 1];
            deviation[a] = groups[ga].Observed - groups[ga].Expected;
            for (var b = 0; b < m; b++) v[a * m + b] = variance[ga * k + tested[b + 1]];
        }
        var (chi, rank) = GeneralizedCholesky.QuadraticForm(v, m, deviation, InverseTolerance);
        if (rank == 0)
        {
            return new LogRankResult(null, 0, null, rho, groups, ["the variance of the observed-minus-expected events is zero: no test"]);
        }
        var warnings = rank < m
            ? new[] { $"the variance matrix has rank {rank} < {m}: a generalised inverse was used and df = {rank}" }
            : [];
        return new LogRankResult(chi, rank, ChiSquared.UpperTail(chi, rank), rho, groups, warnings);
    }
}
