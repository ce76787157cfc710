using System.Globalization;
using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// The options of issues 15-17 through the CLI contract, against R: every case of
/// tests/TestData/cox-core/r-reference-cox-core.json (R 4.2.2, survival 3.5-3, written by
/// make-reference.R beside it) run as `pnen cox|km|logrank` with --start, --weights, --cluster,
/// --robust/--no-robust, --tdc and --landmark built from the case's spec, so the R script's
/// tmerge, weights and robust calls are what each option must reproduce.
/// </summary>
public class CountingProcessContractTests
{
    private static readonly ReferenceFile Cases = new("cox-core/r-reference-cox-core.json");

    public static IEnumerable<object[]> Cox => Cases.OfKind("cox");
    public static IEnumerable<object[]> Km => Cases.OfKind("km");
    public static IEnumerable<object[]> LogRank => Cases.OfKind("logrank");

    [Theory]
    [MemberData(nameof(Cox))]
    public void CoxMatchesCoxph(string name)
    {
        var c = Cases.Named("cox", name);
        var args = Common("cox", c).Concat(["--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString())),
            "--ties", c.GetProperty("ties").GetString()!]).ToList();
        var categorical = c.GetProperty("categorical");
        if (categorical.ValueKind == JsonValueKind.Object && categorical.EnumerateObject().Any())
        {
            args.AddRange(["--categorical", string.Join(',', categorical.EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetString()}"))]);
        }
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        if (c.GetProperty("robust_arg").ValueKind == JsonValueKind.True) args.Add("--robust");
        if (c.GetProperty("robust_arg").ValueKind == JsonValueKind.False) args.Add("--no-robust");
        var json = CliRunner.Json(args.ToArray());

        Assert.Equal(c.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(c.GetProperty("events").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(c.GetProperty("iterations").GetInt32(), json.GetProperty("iterations").GetInt32());
        Close.To(c.GetProperty("loglik")[0].GetDouble(), json.GetProperty("loglik")[0].GetDouble(), 1e-6, $"{name} loglik start");
        Close.To(c.GetProperty("loglik")[1].GetDouble(), json.GetProperty("loglik")[1].GetDouble(), 1e-6, $"{name} loglik end");
        var robust = c.GetProperty("robust").GetBoolean();
        var tests = json.GetProperty("tests");
        Assert.Equal(robust, tests.TryGetProperty("robust", out _));
        Assert.Equal(robust, json.TryGetProperty("variance", out var variance) && variance.GetString() == "robust");
        foreach (var (mine, theirs) in new[] { ("lr", "lr"), ("wald", "wald"), ("score", "score"), ("robust", "rscore") })
        {
            if (mine == "robust" && !robust) continue;
            var test = tests.GetProperty(mine);
            Close.To(c.GetProperty(theirs)[0].GetDouble(), Close.Value(test, "chisq"), 1e-6, $"{name} {mine}");
            Assert.Equal(c.GetProperty(theirs)[1].GetInt32(), test.GetProperty("df").GetInt32());
            Close.To(c.GetProperty(theirs)[2].GetDouble(), Close.Value(test, "p"), 1e-5, $"{name} {mine} p");
        }

        var terms = json.GetProperty("terms").EnumerateArray().ToArray();
        var expected = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.GetProperty("term").GetString()), terms.Select(t => t.GetProperty("variable").GetString() + t.Level()));
        for (var i = 0; i < terms.Length; i++)
        {
            var what = $"{name} {expected[i].GetProperty("term").GetString()}";
            foreach (var field in new[] { "coef", "se", "z", "hr", "lower", "upper" })
            {
                Close.To(expected[i].GetProperty(field).GetDouble(), Close.Value(terms[i], field), 1e-6, $"{what} {field}");
            }
            Close.To(expected[i].GetProperty("p").GetDouble(), Close.Value(terms[i], "p"), 1e-5, $"{what} p");
            Assert.Equal(robust, terms[i].TryGetProperty("naiveSe", out _));
            if (robust) Close.To(expected[i].GetProperty("naive_se").GetDouble(), Close.Value(terms[i], "naiveSe"), 1e-6, $"{what} naiveSe");
        }
    }

    [Theory]
    [MemberData(nameof(Km))]
    public void KmMatchesSurvfitAtEveryStep(string name)
    {
        var c = Cases.Named("km", name);
        var args = Common("km", c).Concat(["--conf-type", c.GetProperty("conf_type").GetString()!,
            "--tau", c.GetProperty("tau").GetDouble().ToString("R", CultureInfo.InvariantCulture)]).ToList();
        if (c.Column("group") is { } group) args.AddRange(["--group", group]);
        var json = CliRunner.Json(args.ToArray());

        var weighted = c.GetProperty("spec").Column("weights") is not null;
        Assert.Equal(weighted ? c.GetProperty("variance").GetString() : null, json.TryGetProperty("variance", out var v) ? v.GetString() : null);
        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        var expected = c.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.GetProperty("level").GetString()), groups.Select(g => g.GetProperty("level").GetString()));
        for (var i = 0; i < groups.Length; i++)
        {
            var what = $"{name} [{expected[i].GetProperty("level").GetString()}]";
            Assert.Equal(expected[i].GetProperty("n").GetInt32(), groups[i].GetProperty("n").GetInt32());
            Close.To(expected[i].GetProperty("events").GetDouble(), Close.Value(groups[i], "events"), 1e-6, $"{what} events");
            foreach (var field in new[] { "median", "lower", "upper", "q25", "q75" })
            {
                Close.To(Close.Value(expected[i], field), Close.Value(groups[i], field), 1e-6, $"{what} {field}");
            }
            var rmst = groups[i].GetProperty("rmst");
            Close.To(expected[i].GetProperty("rmean").GetDouble(), Close.Value(rmst, "mean"), 1e-6, $"{what} rmst");
            Close.To(expected[i].GetProperty("rmean_se").GetDouble(), Close.Value(rmst, "se"), 1e-6, $"{what} rmst se");

            var steps = groups[i].GetProperty("steps").EnumerateArray().ToArray();
            var rSteps = expected[i].GetProperty("steps").EnumerateArray().ToArray();
            Assert.Equal(rSteps.Length, steps.Length);
            for (var s = 0; s < steps.Length; s++)
            {
                var at = $"{what} step {s + 1}";
                foreach (var (mine, theirs) in new[] { ("time", "time"), ("atRisk", "n_risk"), ("events", "n_event"), ("censored", "n_censor"),
                    ("survival", "surv"), ("stdErr", "std_err"), ("lower", "lower"), ("upper", "upper") })
                {
                    Close.To(Close.Value(rSteps[s], theirs), Close.Value(steps[s], mine), 1e-6, $"{at} {mine}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(LogRank))]
    public void LogRankMatchesTheDefinitionComputedInR(string name)
    {
        var c = Cases.Named("logrank", name);
        var args = Common("logrank", c).Concat(["--group", c.GetProperty("group").GetString()!]).ToList();
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        var json = CliRunner.Json(args.ToArray());

        LogRankExpected.Check(c, json, name);
    }

    /// <summary>The immortal-time example of issue 16 through the CLI: myeloid's transplant coded
    /// ever/never gives HR 0.74; as --tdc, 1.77 (R's two coxph fits, rounded as the issue quotes them).</summary>
    [Fact]
    public void MyeloidTransplantEverNeverAgainstTimeDependent()
    {
        string[] common = ["cox", "--data", CliRunner.Data("cox-core/myeloid.csv"), "--time", "futime", "--event", "death", "--categorical", "trt:A"];
        var ever = CliRunner.Json([.. common, "--covariates", "trt,transplanted"]);
        var timeDependent = CliRunner.Json([.. common, "--covariates", "trt,tx", "--tdc", "tx:txtime"]);
        Assert.Equal(0.74, Math.Round(Term(ever, "transplanted").GetProperty("hr").GetDouble(), 2));
        Assert.Equal(1.77, Math.Round(Term(timeDependent, "tx").GetProperty("hr").GetDouble(), 2));
        Assert.Equal(JsonValueKind.Null, Term(timeDependent, "tx").GetProperty("level").ValueKind);
    }

    private static JsonElement Term(JsonElement json, string variable) =>
        json.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("variable").GetString() == variable);

    /// <summary>The command, the data and every option the case's spec implies.</summary>
    private static List<string> Common(string command, JsonElement c)
    {
        var spec = c.GetProperty("spec");
        var args = new List<string> { command, "--data", CliRunner.Data("cox-core/" + spec.GetProperty("file").GetString()),
            "--time", spec.GetProperty("stop").GetString()!, "--event", spec.GetProperty("event").GetString()! };
        foreach (var option in new[] { "start", "weights", "cluster" })
        {
            if (spec.Column(option) is { } column) args.AddRange([$"--{option}", column]);
        }
        if (spec.TryGetProperty("tdc", out var tdc) && tdc.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in tdc.EnumerateObject()) args.AddRange(["--tdc", $"{p.Name}:{p.Value.GetString()}"]);
        }
        if (spec.TryGetProperty("landmark", out var landmark) && landmark.ValueKind == JsonValueKind.Number)
        {
            args.AddRange(["--landmark", landmark.GetDouble().ToString("R", CultureInfo.InvariantCulture)]);
        }
        return args;
    }
}
