using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.CountingProcess;

/// <summary>
/// Every "logrank" case of cox-core/r-reference-cox-core.json: the log-rank test on (start, stop]
/// risk sets (a tdc group, heart's transplant, the edge cases with strata) as the R script
/// computes it from survdiff's definition (checked there against coxph's Breslow score test on
/// untied data, and against survdiff itself on the landmark's right-censored data).
/// </summary>
public class LogRankCountingReferenceTests
{
    public static IEnumerable<object[]> Cases => CoxCoreCases.OfKind("logrank");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheDefinitionComputedInR(string name)
    {
        var c = CoxCoreCases.Named("logrank", name);
        var group = c.Text("group");
        var strata = c.Optional("strata");
        var columns = new List<(string, ColumnKind)> { (group, ColumnKind.Categorical) };
        if (strata is not null) columns.Add((strata, ColumnKind.Categorical));
        var data = CoxCoreCases.Load(c.GetProperty("spec"), columns);
        var (codes, levels) = data.Factor(group);
        var (strataCodes, strataLevels) = strata is null ? (new int[data.Data.Count], (IReadOnlyList<string>)["all"]) : data.Factor(strata);

        var result = LogRank.Test(data.Data, codes, levels, strataCodes, strataLevels.Count);

        Approx.Equal(c.Number("chisq"), result.ChiSquare!.Value, Approx.Statistic, $"{name} chi-square");
        Assert.Equal(c.GetProperty("df").GetInt32(), result.DegreesOfFreedom);
        Approx.Equal(c.Number("p"), result.PValue!.Value, Approx.PValue, $"{name} p");
        var expectedLevels = c.GetProperty("levels").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(expectedLevels, result.Groups.Select(g => g.Level));
        var n = c.GetProperty("n").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var observed = c.GetProperty("observed").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var expected = c.GetProperty("expected").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (var g = 0; g < result.Groups.Count; g++)
        {
            Assert.Equal(n[g], result.Groups[g].N);
            Approx.Equal(observed[g], result.Groups[g].Observed, Approx.Statistic, $"{name} observed {g}");
            Approx.Equal(expected[g], result.Groups[g].Expected, Approx.Statistic, $"{name} expected {g}");
        }
    }

    [Fact]
    public void RefusesWeightsAndRhoWithEntryTimes()
    {
        var data = new SurvivalData([2.0, 3.0, 4.0], [true, true, false]) { Start = [0.0, 1.0, 0.0] };
        int[] group = [0, 1, 0];
        Assert.Throws<ArgumentException>(() => LogRank.Test(data with { Weights = [1.0, 1.0, 2.0] }, group, ["a", "b"], new int[3], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Test(data, group, ["a", "b"], new int[3], 1, rho: 1));
    }
}
