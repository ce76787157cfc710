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

        Assert.Equal(c.GetProperty("n").GetInt32(), result.N);
        Assert.Equal(c.GetProperty("events").GetInt32(), result.Events);
        Assert.Equal(c.GetProperty("n_dropped_missing").GetInt32(), result.Dropped);
        Assert.Equal(c.GetProperty("iterations").GetInt32(), result.Iterations);
        Assert.True(result.Converged);
        var loglik = c.GetProperty("loglik").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Approx.Equal(loglik[0], result.LogLikelihoodStart, Approx.Statistic, $"{name} loglik start");
        Approx.Equal(loglik[1], result.LogLikelihoodEnd, Approx.Statistic, $"{name} loglik end");
        CheckTest(c.GetProperty("lr"), result.LikelihoodRatio!, $"{name} LR");
        CheckTest(c.GetProperty("score"), result.Score!, $"{name} score");
        Approx.Equal(c.Number("wald_unrounded"), result.Wald!.ChiSquare, Approx.Statistic, $"{name} Wald");
        Assert.Equal(c.GetProperty("lr")[1].GetInt32(), result.Wald.DegreesOfFreedom);

        var terms = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(terms.Length, result.Terms.Count);
        foreach (var expected in terms)
        {
            var term = result.Terms.Single(t => t.Variable + t.Level == expected.Text("term"));
            var what = $"{name} {expected.Text("term")}";
            Approx.Equal(expected.Number("coef"), term.Coefficient, Approx.Statistic, $"{what} coef");
            Approx.Equal(expected.Number("se"), term.StdErr, Approx.Statistic, $"{what} se");
            Approx.Equal(expected.Number("hr"), term.HazardRatio, Approx.Statistic, $"{what} HR");
            Approx.Equal(expected.Number("lower"), term.Lower, Approx.Statistic, $"{what} lower");
            Approx.Equal(expected.Number("upper"), term.Upper, Approx.Statistic, $"{what} upper");
            Approx.Equal(expected.Number("p"), term.PValue, Approx.PValue, $"{what} p");
            Assert.False(term.PossiblyInfinite);
        }
    }

    private static void CheckTest(JsonElement expected, CoxGlobalTest actual, string what)
    {
        Approx.Equal(expected[0].GetDouble(), actual.ChiSquare, Approx.Statistic, $"{what} chi-square");
        Assert.Equal(expected[1].GetInt32(), actual.DegreesOfFreedom);
        Approx.Equal(expected[2].GetDouble(), actual.PValue, Approx.PValue, $"{what} p");
    }

    private static CoxResult Fit(JsonElement c) => CoxModelCase.Load(c).Fit();
}
