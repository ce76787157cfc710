using System.Text.Json;
using Pnen.Data;
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

    private static CoxResult Fit(JsonElement c)
    {
        var covariates = c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var categorical = c.GetProperty("categorical").ValueKind == JsonValueKind.Object
            ? c.GetProperty("categorical").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        var strata = c.GroupColumnOf("strata");
        var requests = new List<ColumnRequest> { new(c.Text("time"), ColumnKind.NonNegative), new(c.Text("event"), ColumnKind.Event) };
        requests.AddRange(covariates.Select(v => new ColumnRequest(v, categorical.ContainsKey(v) ? ColumnKind.Categorical : ColumnKind.Numeric)));
        if (strata is not null) requests.Add(new ColumnRequest(strata, ColumnKind.Categorical));
        var table = TableReader.Read(TestFiles.Path(c.Text("data")), requests);

        var time = table.Get<NumericColumn>(c.Text("time")).Values;
        var status = table.Get<EventColumn>(c.Text("event")).Values.Select(v => v == 1).ToArray();
        var terms = covariates.Select(v => categorical.TryGetValue(v, out var reference)
            ? (CoxCovariate)Categorical(table.Get<CategoricalColumn>(v), reference)
            : new NumericCovariate(v, table.Get<NumericColumn>(v).Values)).ToArray();
        CoxStrata? stratum = null;
        if (strata is not null)
        {
            var s = table.Get<CategoricalColumn>(strata);
            stratum = new CoxStrata(strata, s.Codes, s.Levels);
        }
        var ties = c.Text("ties") == "breslow" ? CoxTies.Breslow : CoxTies.Efron;
        return CoxRegression.Fit(time, status, terms, new CoxOptions { Ties = ties }, stratum);
    }

    private static CategoricalCovariate Categorical(CategoricalColumn column, string reference) =>
        new(column.Name, column.Codes, column.Levels, column.Levels.ToList().IndexOf(reference));
}
