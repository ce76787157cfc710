using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// The r-reference.json cases (R 4.2.2, survival 3.5-3) reproduced through the CLI's JSON
/// contract, exactly as a user's script would: `pnen km|logrank|cox --data ...` and parse.
/// </summary>
public class ContractReferenceTests
{
    public static IEnumerable<object[]> KmCases => ReferenceCases.OfKind("km");
    public static IEnumerable<object[]> LogRankCases => ReferenceCases.OfKind("logrank");
    public static IEnumerable<object[]> CoxCases => ReferenceCases.OfKind("cox");

    [Theory]
    [MemberData(nameof(KmCases))]
    public void KmMatchesSurvfit(string name)
    {
        var c = ReferenceCases.Named(name);
        var args = new List<string> { "km", "--data", CliRunner.Data(c.GetProperty("data").GetString()!), "--time", c.GetProperty("time").GetString()!, "--event", c.GetProperty("event").GetString()! };
        if (c.Column("group") is { } group) args.AddRange(["--group", group]);
        var json = CliRunner.Json(args.ToArray());

        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        var expected = c.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.GetProperty("level").GetString()), groups.Select(g => g.GetProperty("level").GetString()));
        for (var i = 0; i < groups.Length; i++)
        {
            var what = $"{name} {expected[i].GetProperty("level").GetString()}";
            Assert.Equal(expected[i].GetProperty("n").GetInt32(), groups[i].GetProperty("n").GetInt32());
            Assert.Equal(expected[i].GetProperty("events").GetInt32(), groups[i].GetProperty("events").GetInt32());
            foreach (var field in new[] { "median", "lower", "upper", "q25", "q75" })
            {
                Close.To(expected[i].NumberOrNull(field), Close.Value(groups[i], field), 1e-6, $"{what} {field}");
            }
        }

        var eventSteps = groups[0].GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("events").GetInt32() > 0).ToArray();
        var rows = c.GetProperty("first_rows").EnumerateArray().ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            Close.To(rows[i].GetProperty("time").GetDouble(), eventSteps[i].GetProperty("time").GetDouble(), 1e-6, $"{name} row {i} time");
            Assert.Equal(rows[i].GetProperty("n_risk").GetInt32(), eventSteps[i].GetProperty("atRisk").GetInt32());
            Close.To(rows[i].GetProperty("surv").GetDouble(), Close.Value(eventSteps[i], "survival"), 1e-6, $"{name} row {i} survival");
            Close.To(rows[i].GetProperty("std_err_log_surv").GetDouble(), Close.Value(eventSteps[i], "stdErr"), 1e-6, $"{name} row {i} stdErr");
            Close.To(rows[i].GetProperty("lower").GetDouble(), Close.Value(eventSteps[i], "lower"), 1e-6, $"{name} row {i} lower");
            Close.To(rows[i].GetProperty("upper").GetDouble(), Close.Value(eventSteps[i], "upper"), 1e-6, $"{name} row {i} upper");
        }
    }

    [Theory]
    [MemberData(nameof(LogRankCases))]
    public void LogRankMatchesSurvdiff(string name)
    {
        var c = ReferenceCases.Named(name);
        var json = CliRunner.Json("logrank", "--data", CliRunner.Data(c.GetProperty("data").GetString()!), "--time", c.GetProperty("time").GetString()!,
            "--event", c.GetProperty("event").GetString()!, "--group", c.Column("group")!, "--rho", c.GetProperty("rho").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture));

        Close.To(c.GetProperty("chisq").GetDouble(), Close.Value(json, "chisq"), 1e-6, $"{name} chisq");
        Assert.Equal(c.GetProperty("df").GetInt32(), json.GetProperty("df").GetInt32());
        Close.To(c.GetProperty("p").GetDouble(), Close.Value(json, "p"), 1e-5, $"{name} p");
        var observed = c.GetProperty("observed").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var expected = c.GetProperty("expected").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        for (var g = 0; g < groups.Length; g++)
        {
            Close.To(observed[g], Close.Value(groups[g], "observed"), 1e-6, $"{name} observed {g}");
            Close.To(expected[g], Close.Value(groups[g], "expected"), 1e-6, $"{name} expected {g}");
        }
    }

    [Theory]
    [MemberData(nameof(CoxCases))]
    public void CoxMatchesCoxph(string name)
    {
        var c = ReferenceCases.Named(name);
        var covariates = c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var args = new List<string>
        {
            "cox", "--data", CliRunner.Data(c.GetProperty("data").GetString()!), "--time", c.GetProperty("time").GetString()!,
            "--event", c.GetProperty("event").GetString()!, "--covariates", string.Join(',', covariates), "--ties", c.GetProperty("ties").GetString()!,
        };
        if (c.GetProperty("categorical").ValueKind == JsonValueKind.Object)
        {
            args.AddRange(["--categorical", string.Join(',', c.GetProperty("categorical").EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetString()}"))]);
        }
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        var json = CliRunner.Json(args.ToArray());

        Assert.Equal(c.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(c.GetProperty("events").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(c.GetProperty("n_dropped_missing").GetInt32(), json.GetProperty("dropped").GetInt32());
        Assert.Equal(c.GetProperty("iterations").GetInt32(), json.GetProperty("iterations").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());
        var loglik = json.GetProperty("loglik").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Close.To(c.GetProperty("loglik")[0].GetDouble(), loglik[0], 1e-6, $"{name} loglik start");
        Close.To(c.GetProperty("loglik")[1].GetDouble(), loglik[1], 1e-6, $"{name} loglik end");
        var tests = json.GetProperty("tests");
        foreach (var test in new[] { "lr", "score" })
        {
            Close.To(c.GetProperty(test)[0].GetDouble(), Close.Value(tests.GetProperty(test), "chisq"), 1e-6, $"{name} {test}");
            Assert.Equal(c.GetProperty(test)[1].GetInt32(), tests.GetProperty(test).GetProperty("df").GetInt32());
            Close.To(c.GetProperty(test)[2].GetDouble(), Close.Value(tests.GetProperty(test), "p"), 1e-5, $"{name} {test} p");
        }
        Close.To(c.GetProperty("wald_unrounded").GetDouble(), Close.Value(tests.GetProperty("wald"), "chisq"), 1e-6, $"{name} wald");

        var terms = json.GetProperty("terms").EnumerateArray().ToArray();
        var expectedTerms = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(expectedTerms.Length, terms.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            var level = terms[i].GetProperty("level").ValueKind == JsonValueKind.Null ? "" : terms[i].GetProperty("level").GetString();
            Assert.Equal(expectedTerms[i].GetProperty("term").GetString(), terms[i].GetProperty("variable").GetString() + level);
            foreach (var (mine, theirs) in new[] { ("coef", "coef"), ("se", "se"), ("hr", "hr"), ("lower", "lower"), ("upper", "upper") })
            {
                Close.To(expectedTerms[i].GetProperty(theirs).GetDouble(), Close.Value(terms[i], mine), 1e-6, $"{name} term {i} {mine}");
            }
            Close.To(expectedTerms[i].GetProperty("p").GetDouble(), Close.Value(terms[i], "p"), 1e-5, $"{name} term {i} p");
            Assert.False(terms[i].GetProperty("possiblyInfinite").GetBoolean());
        }
    }
}
