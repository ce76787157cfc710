using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>Every "logrank" case of r-reference.json: survdiff(..., rho) of R survival 3.5-3.</summary>
public class LogRankReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.OfKind("logrank");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesSurvdiff(string name)
    {
        var c = ReferenceCases.Named(name);
        var group = c.GroupColumn()!;
        var data = ReferenceData.Load(c, [new ColumnRequest(group, ColumnKind.Categorical)]);
        var (codes, levels) = data.Groups(group);

        var result = LogRank.Test(data.Time(c), data.Event(c), codes, levels, c.Number("rho"));

        Approx.Equal(c.Number("chisq"), result.ChiSquare, Approx.Statistic, $"{name} chi-square");
        Assert.Equal(c.GetProperty("df").GetInt32(), result.DegreesOfFreedom);
        Approx.Equal(c.Number("p"), result.PValue, Approx.PValue, $"{name} p");
        var observed = c.GetProperty("observed").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var expected = c.GetProperty("expected").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(observed.Length, result.Groups.Count);
        for (var g = 0; g < observed.Length; g++)
        {
            Approx.Equal(observed[g], result.Groups[g].Observed, Approx.Statistic, $"{name} observed[{g}]");
            Approx.Equal(expected[g], result.Groups[g].Expected, Approx.Statistic, $"{name} expected[{g}]");
        }
    }
}
