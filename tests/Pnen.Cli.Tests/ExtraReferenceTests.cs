using System.Globalization;
using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// Further agreement with R through the CLI contract, on data the project chose to stress its
/// conventions: tied times in days, missing values, string levels, strata with many levels,
/// rho = 0.5, log-log and plain limits, medians on exact flats, near-tied times, monotone
/// likelihood, collinear and constant covariates. Expected values: tests/TestData/extra/
/// r-reference-extra.json, written by make-reference.R beside it (R 4.2.2, survival 3.5-3).
/// KM cases compare every step of every curve, not just the first rows.
/// </summary>
public class ExtraReferenceTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CliRunner.Data("extra/r-reference-extra.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static IEnumerable<object[]> Km => Names("km");
    public static IEnumerable<object[]> LogRank => Names("logrank");
    public static IEnumerable<object[]> Cox => Names("cox");

    [Theory]
    [MemberData(nameof(Km))]
    public void KmMatchesSurvfitAtEveryStep(string name)
    {
        var c = Case("km", name);
        var tau = c.GetProperty("groups").EnumerateArray().Max(g => g.GetProperty("steps").EnumerateArray().Max(s => s.GetProperty("time").GetDouble()));
        var args = Common("km", c).Concat(["--conf-type", c.GetProperty("conf_type").GetString()!, "--tau", tau.ToString("R", CultureInfo.InvariantCulture)]).ToList();
        if (c.Column("group") is { } group) args.AddRange(["--group", group]);
        var json = CliRunner.Json(args.ToArray());

        Assert.Equal(c.GetProperty("dropped").GetInt32(), json.GetProperty("dropped").GetInt32());
        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        var expected = c.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.GetProperty("level").GetString()), groups.Select(g => g.GetProperty("level").GetString()));
        for (var i = 0; i < groups.Length; i++)
        {
            var what = $"{name} [{expected[i].GetProperty("level").GetString()}]";
            Assert.Equal(expected[i].GetProperty("n").GetInt32(), groups[i].GetProperty("n").GetInt32());
            Assert.Equal(expected[i].GetProperty("events").GetInt32(), groups[i].GetProperty("events").GetInt32());
            foreach (var field in new[] { "median", "lower", "upper", "q25", "q75" })
            {
                Close.To(expected[i].NumberOrNull(field), Close.Value(groups[i], field), 1e-6, $"{what} {field}");
            }
            var rmst = groups[i].GetProperty("rmst");
            Close.To(expected[i].GetProperty("rmean_common").GetDouble(), Close.Value(rmst, "mean"), 1e-6, $"{what} rmst");
            Close.To(expected[i].GetProperty("rmean_se").GetDouble(), Close.Value(rmst, "se"), 1e-6, $"{what} rmst se");

            var steps = groups[i].GetProperty("steps").EnumerateArray().ToArray();
            var rSteps = expected[i].GetProperty("steps").EnumerateArray().ToArray();
            Assert.Equal(rSteps.Length, steps.Length);
            for (var s = 0; s < steps.Length; s++)
            {
                var at = $"{what} step {s + 1}";
                Close.To(rSteps[s].GetProperty("time").GetDouble(), steps[s].GetProperty("time").GetDouble(), 1e-6, $"{at} time");
                Assert.Equal(rSteps[s].GetProperty("n_risk").GetInt32(), steps[s].GetProperty("atRisk").GetInt32());
                Assert.Equal(rSteps[s].GetProperty("n_event").GetInt32(), steps[s].GetProperty("events").GetInt32());
                Assert.Equal(rSteps[s].GetProperty("n_censor").GetInt32(), steps[s].GetProperty("censored").GetInt32());
                Close.To(rSteps[s].GetProperty("surv").GetDouble(), Close.Value(steps[s], "survival"), 1e-6, $"{at} survival");
                Close.To(rSteps[s].NumberOrNull("std_err"), Close.Value(steps[s], "stdErr"), 1e-6, $"{at} stdErr");
                Close.To(rSteps[s].NumberOrNull("lower"), Close.Value(steps[s], "lower"), 1e-6, $"{at} lower");
                Close.To(rSteps[s].NumberOrNull("upper"), Close.Value(steps[s], "upper"), 1e-6, $"{at} upper");
            }
        }
    }

    [Theory]
    [MemberData(nameof(LogRank))]
    public void LogRankMatchesSurvdiff(string name)
    {
        var c = Case("logrank", name);
        var args = Common("logrank", c).Concat(["--group", c.Column("group")!, "--rho", c.GetProperty("rho").GetDouble().ToString("R", CultureInfo.InvariantCulture)]).ToList();
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        var json = CliRunner.Json(args.ToArray());

        LogRankExpected.Check(c, json, name);
        Assert.Equal(c.GetProperty("dropped").GetInt32(), json.GetProperty("dropped").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Cox))]
    public void CoxMatchesCoxph(string name)
    {
        var c = Case("cox", name);
        var args = Common("cox", c).Concat(["--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString())),
            "--ties", c.GetProperty("ties").GetString()!]).ToList();
        var categorical = c.GetProperty("categorical");
        if (categorical.ValueKind == JsonValueKind.Object && categorical.EnumerateObject().Any())
        {
            args.AddRange(["--categorical", string.Join(',', categorical.EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetString()}"))]);
        }
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        var json = CliRunner.Json(args.ToArray());

        Assert.Equal(c.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(c.GetProperty("events").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(c.GetProperty("n_dropped_missing").GetInt32(), json.GetProperty("dropped").GetInt32());
        Assert.Equal(c.GetProperty("iterations").GetInt32(), json.GetProperty("iterations").GetInt32());
        Close.To(c.GetProperty("loglik")[0].GetDouble(), json.GetProperty("loglik")[0].GetDouble(), 1e-6, $"{name} loglik start");
        Close.To(c.GetProperty("loglik")[1].GetDouble(), json.GetProperty("loglik")[1].GetDouble(), 1e-6, $"{name} loglik end");
        var tests = json.GetProperty("tests");
        foreach (var test in new[] { "lr", "score" })
        {
            Close.To(c.GetProperty(test)[0].GetDouble(), Close.Value(tests.GetProperty(test), "chisq"), 1e-6, $"{name} {test}");
            Assert.Equal(c.GetProperty(test)[1].GetInt32(), tests.GetProperty(test).GetProperty("df").GetInt32());
            Close.To(c.GetProperty(test)[2].GetDouble(), Close.Value(tests.GetProperty(test), "p"), 1e-5, $"{name} {test} p");
        }
        Close.To(c.GetProperty("wald_unrounded").GetDouble(), Close.Value(tests.GetProperty("wald"), "chisq"), 1e-6, $"{name} wald");

        var infinite = c.GetProperty("warnings").EnumerateArray().Any(w => w.GetString()!.Contains("may be infinite", StringComparison.Ordinal));
        var terms = json.GetProperty("terms").EnumerateArray().ToArray();
        var expected = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.GetProperty("term").GetString()), terms.Select(t => t.GetProperty("variable").GetString() + Level(t)));
        for (var i = 0; i < terms.Length; i++)
        {
            var what = $"{name} {expected[i].GetProperty("term").GetString()}";
            var flagged = terms[i].GetProperty("possiblyInfinite").GetBoolean();
            if (flagged)
            {
                // A coefficient on its way to infinity: only the flag and its warning are meaningful.
                Assert.True(infinite, $"{what}: flagged possibly infinite but R did not warn");
                Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(terms[i].GetProperty("variable").GetString()!, StringComparison.Ordinal));
                continue;
            }
            foreach (var (mine, theirs) in new[] { ("coef", "coef"), ("se", "se"), ("z", "z"), ("hr", "hr"), ("lower", "lower"), ("upper", "upper") })
            {
                Close.To(expected[i].GetProperty(theirs).GetDouble(), Close.Value(terms[i], mine), 1e-6, $"{what} {mine}");
            }
            Close.To(expected[i].GetProperty("p").GetDouble(), Close.Value(terms[i], "p"), 1e-5, $"{what} p");
        }
        Assert.Equal(infinite, terms.Any(t => t.GetProperty("possiblyInfinite").GetBoolean()));

        var naTerms = c.GetProperty("na_terms").EnumerateArray().Select(e => e.GetString()).ToArray();
        var droppedTerms = json.GetProperty("droppedTerms").EnumerateArray().Select(t => t.GetProperty("variable").GetString() + Level(t)).ToArray();
        Assert.Equal(naTerms, droppedTerms);
    }

    private static string Level(JsonElement term) =>
        term.GetProperty("level").ValueKind == JsonValueKind.Null ? "" : term.GetProperty("level").GetString()!;

    private static IEnumerable<string> Common(string command, JsonElement c) =>
        [command, "--data", CliRunner.Data("extra/" + c.GetProperty("data").GetString()), "--time", c.GetProperty("time").GetString()!, "--event", c.GetProperty("event").GetString()!];

    private static JsonElement Case(string kind, string name) =>
        Cases.Value.Single(c => c.GetProperty("kind").GetString() == kind && c.GetProperty("name").GetString() == name);

    private static IEnumerable<object[]> Names(string kind) =>
        Cases.Value.Where(c => c.GetProperty("kind").GetString() == kind).Select(c => new object[] { c.GetProperty("name").GetString()! });
}
