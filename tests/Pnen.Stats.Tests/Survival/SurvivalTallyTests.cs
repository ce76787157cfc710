using Pnen.Stats.Survival;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// The public Kaplan-Meier and log-rank entry points count tied rows per (stratum, group, time)
/// (<see cref="SurvivalTally"/>) and sort the rows only when the times are too distinct for that.
/// Both paths must give the same curves and tests bit for bit; the R agreement of the sorted path
/// is checked in <see cref="SurvivalCountsTests"/> on every reference case.
/// </summary>
public class SurvivalTallyTests
{
    /// <summary>Heavily tied times (tenths of a month, whole days) with near-ties that R's aeqSurv
    /// merges (t and t + 1e-10), zeros and -0, an empty group level, a stratum of one record.</summary>
    private static (double[] Time, bool[] Status, int[] Group, int[] Strata) TiedCohort(int n, int seed)
    {
        var random = new Random(seed);
        var (time, status, group, strata) = (new double[n], new bool[n], new int[n], new int[n]);
        for (var i = 0; i < n; i++)
        {
            var t = Math.Round(random.NextDouble() * 60, 1);
            time[i] = random.Next(10) switch
            {
                0 => t + 1e-10,
                1 => 0.1 + 0.2,
                2 => random.Next(2) == 0 ? 0.0 : -0.0,
                _ => t,
            };
            status[i] = random.Next(3) > 0;
            group[i] = random.Next(3) switch { 0 => 0, 1 => 1, _ => 3 }; // level 2 ("c") has no rows
            strata[i] = random.Next(2);
        }
        strata[n - 1] = 2; // a stratum with one record
        return (time, status, group, strata);
    }

    private static readonly string[] Levels = ["a", "b", "c", "d"];

    [Theory]
    [InlineData(50, 1)]
    [InlineData(5_000, 2)]
    [InlineData(200_000, 3)]
    public void KaplanMeierFromTheTallyIsTheSortedRowsFit(int n, int seed)
    {
        var (time, status, group, _) = TiedCohort(n, seed);
        Assert.NotNull(SurvivalTally.TryCount(time, status, group, [], SurvivalTally.MaxCells(n))); // this data takes the tally path

        foreach (var options in new[] { KaplanMeierOptions.Default, new KaplanMeierOptions { ConfidenceType = ConfidenceType.Plain, TimeFix = false } })
        {
            SurvivalCountsTests.AssertSameCurves(
                KaplanMeier.FitGroupsSorted(time, status, group, Levels, options),
                KaplanMeier.FitGroups(time, status, group, Levels, options));
        }
        Assert.Equal(0, KaplanMeier.FitGroups(time, status, group, Levels)[2].N);
    }

    [Theory]
    [InlineData(50, 4, 0.0)]
    [InlineData(5_000, 5, 1.0)]
    [InlineData(200_000, 6, 0.0)]
    public void LogRankFromTheTallyIsTheSortedRowsTest(int n, int seed, double rho)
    {
        var (time, status, group, strata) = TiedCohort(n, seed);
        foreach (var timeFix in new[] { true, false })
        {
            SurvivalCountsTests.AssertSameTest(
                LogRank.TestSorted(time, status, group, Levels, strata, 3, rho, timeFix),
                LogRank.Test(time, status, group, Levels, strata, 3, rho, timeFix));
        }
    }

    [Fact]
    public void DistinctTimesBeyondTheCapAreSortedInstead()
    {
        // 100,000 distinct times: more cells than MaxCells (6,250) allows, so the tally gives up
        // and the fit comes from the sort; the same data rounded to tenths fits in 3 x 601 cells.
        var n = 100_000;
        var random = new Random(7);
        var time = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 60).ToArray();
        var status = Enumerable.Range(0, n).Select(_ => random.Next(3) > 0).ToArray();
        var group = Enumerable.Range(0, n).Select(_ => random.Next(3)).ToArray();
        Assert.Null(SurvivalTally.TryCount(time, status, group, [], SurvivalTally.MaxCells(n)));
        var rounded = time.Select(t => Math.Round(t, 1)).ToArray();
        Assert.Equal(3 * 601, SurvivalTally.TryCount(rounded, status, group, [], SurvivalTally.MaxCells(n))!.Count);

        string[] levels = ["a", "b", "c"];
        SurvivalCountsTests.AssertSameCurves(KaplanMeier.FitGroupsSorted(time, status, group, levels, KaplanMeierOptions.Default), KaplanMeier.FitGroups(time, status, group, levels));
        SurvivalCountsTests.AssertSameTest(LogRank.TestSorted(time, status, group, levels, new int[n], 1, 0, timeFix: true), LogRank.Test(time, status, group, levels));
    }

    [Fact]
    public void TheCapCountsCellsNotRows()
    {
        // Four rows in three (group, time) cells: a cap of 3 is enough, 2 is not. -0 and 0 are one cell.
        double[] time = [1, 1, 0.0, -0.0];
        bool[] status = [true, false, true, false];
        int[] group = [0, 0, 1, 0];
        var counts = SurvivalTally.TryCount(time, status, group, [], 3)!;
        Assert.Equal(3, counts.Count);
        Assert.Equal([1, 1, 0], counts.Events);   // cells in the order first met: (0, 1), (1, 0), (0, 0)
        Assert.Equal([1, 0, 1], counts.Censored);
        Assert.Null(SurvivalTally.TryCount(time, status, group, [], 2));
    }
}
