using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// Kaplan-Meier and log-rank from (stratum, group, time) counts, as a SQL GROUP BY gives them: on
/// every "km" and "logrank" case of r-reference.json they give R's values (survfit, survdiff of
/// survival 3.5-3), and on those and on edge cases (near-tied times, an empty group level, a
/// stratum with one record, rho = 1, entries split and shuffled) exactly the row-level results,
/// bit for bit: the counts path makes the same floating-point operations in the same order.
/// </summary>
public class SurvivalCountsTests
{
    public static IEnumerable<object[]> KmCases => ReferenceCases.OfKind("km");

    public static IEnumerable<object[]> LogRankCases => ReferenceCases.OfKind("logrank");

    [Theory]
    [MemberData(nameof(KmCases))]
    public void KaplanMeierFromCountsMatchesRAndTheRows(string name)
    {
        var c = ReferenceCases.Named(name);
        var group = c.GroupColumn();
        var data = ReferenceData.Load(c, group is null ? [] : [new ColumnRequest(group, ColumnKind.Categorical)]);
        var (codes, levels) = group is null ? (new int[data.Rows.Length], (IReadOnlyList<string>)["all"]) : data.Groups(group);
        var (time, status) = (data.Time(c), data.Event(c));

        var fromCounts = KaplanMeier.FitCounts(SurvivalCounts.FromRows(time, status, codes, []), levels);

        AssertSameCurves(KaplanMeier.FitGroupsSorted(time, status, codes, levels, KaplanMeierOptions.Default), fromCounts);
        foreach (var expected in c.GetProperty("groups").EnumerateArray())
        {
            var curve = fromCounts.Single(k => k.Level == expected.Text("level"));
            Assert.Equal(expected.GetProperty("n").GetInt32(), curve.N);
            Approx.Equal(expected.NumberOrNull("median"), curve.Median.Time, Approx.Statistic, $"{name} median");
            Approx.Equal(expected.NumberOrNull("lower"), curve.Median.Lower, Approx.Statistic, $"{name} median lower");
        }
        var first = fromCounts[0].Steps.First(s => s.Events > 0);
        var row = c.GetProperty("first_rows")[0];
        Approx.Equal(row.Number("surv"), first.Survival, Approx.Statistic, $"{name} first survival");
        Approx.Equal(row.Number("std_err_log_surv"), first.StdErr, Approx.Statistic, $"{name} first se(log S)");
    }

    [Theory]
    [MemberData(nameof(LogRankCases))]
    public void LogRankFromCountsMatchesRAndTheRows(string name)
    {
        var c = ReferenceCases.Named(name);
        var group = c.GroupColumn()!;
        var data = ReferenceData.Load(c, [new ColumnRequest(group, ColumnKind.Categorical)]);
        var (codes, levels) = data.Groups(group);
        var (time, status) = (data.Time(c), data.Event(c));

        var fromCounts = LogRank.TestCounts(SurvivalCounts.FromRows(time, status, codes, []), levels, 1, c.Number("rho"));

        AssertSameTest(LogRank.TestSorted(time, status, codes, levels, new int[time.Length], 1, c.Number("rho"), timeFix: true), fromCounts);
        Approx.Equal(c.Number("chisq"), fromCounts.ChiSquare, Approx.Statistic, $"{name} chi-square");
        Approx.Equal(c.Number("p"), fromCounts.PValue, Approx.PValue, $"{name} p");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void EdgeCasesGiveExactlyTheRowLevelResults(double rho)
    {
        // Near ties (0.1 + 0.2 against 0.3: one risk set after aeqSurv), tied deaths and censorings
        // at one time, a stratum with one record, group level "c" with no rows, a zero time.
        double[] time = [0.1 + 0.2, 0.3, 0.3, 1, 2, 2, 2, 3, 4, 5, 5, 6, 0, 7, 8, 8, 9];
        bool[] status = [true, true, false, true, true, true, false, false, true, true, false, true, false, true, true, false, true];
        int[] group = [0, 1, 0, 1, 0, 1, 1, 0, 3, 0, 1, 3, 0, 1, 0, 3, 1];
        int[] strata = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 2, 0, 0, 0];
        string[] levels = ["a", "b", "c", "d"];

        var counts = Shuffled(SurvivalCounts.FromRows(time, status, group, strata));

        AssertSameTest(LogRank.TestSorted(time, status, group, levels, strata, 3, rho, timeFix: true), LogRank.TestCounts(counts, levels, 3, rho));
        AssertSameCurves(KaplanMeier.FitGroupsSorted(time, status, group, levels, KaplanMeierOptions.Default), KaplanMeier.FitCounts(counts, levels));
        var plain = new KaplanMeierOptions { ConfidenceType = ConfidenceType.LogLog, TimeFix = false };
        AssertSameCurves(KaplanMeier.FitGroupsSorted(time, status, group, levels, plain), KaplanMeier.FitCounts(counts, levels, plain));
        Assert.Equal(0, KaplanMeier.FitCounts(counts, levels)[2].N);
    }

    /// <summary>Entries reversed and each split in two (events in one, censorings in the other),
    /// plus an entry with no rows: the estimators must not depend on how a GROUP BY returned them.</summary>
    private static SurvivalCounts Shuffled(SurvivalCounts counts)
    {
        var n = counts.Count;
        var idx = Enumerable.Range(0, n).Reverse().SelectMany(i => new[] { i, i }).ToArray();
        int[] Pick(int[] a) => [.. idx.Select(i => a[i]), 0];
        var events = idx.Select((i, k) => k % 2 == 0 ? counts.Events[i] : 0).Append(0).ToArray();
        var censored = idx.Select((i, k) => k % 2 == 1 ? counts.Censored[i] : 0).Append(0).ToArray();
        return new SurvivalCounts(Pick(counts.Stratum), Pick(counts.Group), [.. idx.Select(i => counts.Time[i]), 42.0], events, censored);
    }

    internal static void AssertSameCurves(IReadOnlyList<KaplanMeierCurve> rows, IReadOnlyList<KaplanMeierCurve> counts)
    {
        Assert.Equal(rows.Count, counts.Count);
        for (var g = 0; g < rows.Count; g++)
        {
            Assert.Equal(rows[g].Level, counts[g].Level);
            Assert.Equal(rows[g].N, counts[g].N);
            Assert.Equal(rows[g].Steps, counts[g].Steps); // records: every time, count, estimate and limit equal
            Assert.Equal(rows[g].Median, counts[g].Median);
        }
    }

    internal static void AssertSameTest(LogRankResult rows, LogRankResult counts)
    {
        Assert.Equal(rows.ChiSquare, counts.ChiSquare);
        Assert.Equal(rows.PValue, counts.PValue);
        Assert.Equal(rows.DegreesOfFreedom, counts.DegreesOfFreedom);
        Assert.Equal(rows.Groups, counts.Groups);
        Assert.Equal(rows.Warnings, counts.Warnings);
    }
}
