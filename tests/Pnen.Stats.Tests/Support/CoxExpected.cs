using System.Text.Json;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Support;

/// <summary>Checks of a Cox fit against a reference case of coxph and summary() results, as the R
/// scripts write them: "terms" with term, coef, se, hr, lower, upper, p; tests as [chisq, df, p].</summary>
internal static class CoxExpected
{
    /// <summary>Every expected term is there, once, and agrees; no term is flagged infinite. Returns
    /// each expected term with the fitted one, for further checks.</summary>
    public static IReadOnlyList<(JsonElement Expected, CoxTerm Term, string What)> Terms(JsonElement c, CoxResult result, string name)
    {
        var terms = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(terms.Length, result.Terms.Count);
        var pairs = new List<(JsonElement, CoxTerm, string)>();
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
            pairs.Add((expected, term, what));
        }
        return pairs;
    }

    /// <summary>n, events and iterations equal; converged; both log-likelihoods agree.</summary>
    public static void Fit(JsonElement c, CoxResult result, string name)
    {
        Assert.Equal(c.GetProperty("n").GetInt32(), result.N);
        Assert.Equal(c.GetProperty("events").GetInt32(), result.Events);
        Assert.Equal(c.GetProperty("iterations").GetInt32(), result.Iterations);
        Assert.True(result.Converged);
        var loglik = c.GetProperty("loglik").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Approx.Equal(loglik[0], result.LogLikelihoodStart, Approx.Statistic, $"{name} loglik start");
        Approx.Equal(loglik[1], result.LogLikelihoodEnd, Approx.Statistic, $"{name} loglik end");
    }

    /// <summary>A global test written as [chisq, df, p].</summary>
    public static void Test(JsonElement expected, CoxGlobalTest? actual, string what)
    {
        Assert.NotNull(actual);
        Approx.Equal(expected[0].GetDouble(), actual.ChiSquare, Approx.Statistic, $"{what} chi-square");
        Assert.Equal(expected[1].GetInt32(), actual.DegreesOfFreedom);
        Approx.Equal(expected[2].GetDouble(), actual.PValue, Approx.PValue, $"{what} p");
    }
}
