using System.Text.Json;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>Every "cox" case of r-reference.json: coxph() of R survival 3.5-3 and its summary().</summary>
public class CoxReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.OfKind("cox");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesCoxph(string name)
    {
        var c = ReferenceCases.Named(name);
        var result = Fit(c);

        CoxExpected.Fit(c, result, name);
        Assert.Equal(c.GetProperty("n_dropped_missing").GetInt32(), result.Dropped);
        CoxExpected.Test(c.GetProperty("lr"), result.LikelihoodRatio, $"{name} LR");
        CoxExpected.Test(c.GetProperty("score"), result.Score, $"{name} score");
        Approx.Equal(c.Number("wald_unrounded"), result.Wald!.ChiSquare, Approx.Statistic, $"{name} Wald");
        Assert.Equal(c.GetProperty("lr")[1].GetInt32(), result.Wald.DegreesOfFreedom);
        CoxExpected.Terms(c, result, name);
    }

    private static CoxResult Fit(JsonElement c) => CoxModelCase.Load(c).Fit();
}
