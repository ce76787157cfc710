using Pnen.Stats.Survival;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>The "rmst" cases of r-reference.json: print(survfit(...), rmean = tau) in R survival 3.5-3.</summary>
public class RestrictedMeanReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.OfKind("rmst");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesSurvmean(string name)
    {
        var c = ReferenceCases.Named(name);
        var data = ReferenceData.Load(c, []);
        var rmst = KaplanMeier.Fit(data.Time(c), data.Event(c)).RestrictedMean(c.Number("tau"));
        Approx.Equal(c.Number("rmst"), rmst.Mean, Approx.Statistic, $"{name} rmst");
        Approx.Equal(c.Number("se"), rmst.StdErr, Approx.Statistic, $"{name} se");
    }

    [Fact]
    public void AHorizonBeforeTheFirstTimeIsTheHorizonItself()
    {
        // S = 1 on [0, tau) when no event has happened yet: the area is tau, with no variance.
        var rmst = KaplanMeier.Fit([5, 6, 7], [true, false, true]).RestrictedMean(2);
        Assert.Equal(2, rmst.Mean);
        Assert.Equal(0, rmst.StdErr);
    }
}
