using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// `pnen cox` with --zph, --firth and the concordance of every fit, through the JSON contract,
/// against R: tests/TestData/cox-checks/cox-checks.json (R 4.2.2, survival 3.5-3, coxphf 1.13;
/// written by make-reference.R beside it) and the two cox.zph cases of r-reference.json.
/// </summary>
public class CoxChecksContractTests
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CliRunner.Data("cox-checks/cox-checks.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static IEnumerable<object[]> ZphCases =>
        Cases.Value.Where(c => Kind(c) == "zph").Select(c => new object[] { Text(c, "name"), Text(c, "transform") });

    public static IEnumerable<object[]> ConcordanceCases => Names("concordance");

    public static IEnumerable<object[]> FirthCases => Names("firth");

    public static IEnumerable<object[]> BaseZphCases => ReferenceCases.OfKind("zph");

    [Theory]
    [MemberData(nameof(ZphCases))]
    public void ZphMatchesCoxZph(string name, string transform)
    {
        var c = Cases.Value.Single(x => Kind(x) == "zph" && Text(x, "name") == name && Text(x, "transform") == transform);
        var json = CliRunner.Json([.. Model(c), "--zph", transform]);
        CheckZph(json.GetProperty("zph"), c.GetProperty("table"), transform, $"{name} ({transform})");
    }

    [Theory]
    [MemberData(nameof(BaseZphCases))]
    public void ZphMatchesTheBaseReference(string name)
    {
        // r-reference.json's zph cases name data and covariates; the outcome columns are those of
        // the same files' cox cases (lung: time, event; veteran: time, status), Efron ties.
        var c = ReferenceCases.Named(name);
        var data = c.GetProperty("data").GetString()!;
        var outcome = data == "lung.csv" ? "event" : "status";
        var json = CliRunner.Json("cox", "--data", CliRunner.Data(data), "--time", "time", "--event", outcome,
            "--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString())), "--zph", c.GetProperty("transform").GetString()!);
        CheckZph(json.GetProperty("zph"), c.GetProperty("table"), c.GetProperty("transform").GetString()!, name);
    }

    [Theory]
    [MemberData(nameof(ConcordanceCases))]
    public void ConcordanceMatchesSummaryCoxph(string name)
    {
        var c = Case("concordance", name);
        var json = CliRunner.Json(Model(c));
        Assert.Equal("coxph", json.GetProperty("method").GetString());
        var concordance = json.GetProperty("concordance");
        Close.To(c.GetProperty("c").GetDouble(), Close.Value(concordance, "c"), 1e-6, $"{name} C");
        Close.To(c.GetProperty("se").GetDouble(), Close.Value(concordance, "se"), 1e-6, $"{name} se(C)");
    }

    [Theory]
    [MemberData(nameof(FirthCases))]
    public void FirthMatchesCoxphf(string name)
    {
        var c = Case("firth", name);
        var args = Model(c).Where(a => a is not ("--ties" or "efron")).ToList();
        args.AddRange(["--firth", "--conf-level", c.GetProperty("conf_level").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)]);
        var json = CliRunner.Json(args.ToArray());

        Assert.Equal("firth", json.GetProperty("method").GetString());
        Assert.Equal("breslow", json.GetProperty("ties").GetString());
        Assert.Equal(c.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(c.GetProperty("iterations").GetInt32(), json.GetProperty("iterations").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());
        Close.To(c.GetProperty("loglik")[0].GetDouble(), json.GetProperty("loglik")[0].GetDouble(), 1e-6, $"{name} penalised loglik at 0");
        Close.To(c.GetProperty("loglik")[1].GetDouble(), json.GetProperty("loglik")[1].GetDouble(), 1e-6, $"{name} penalised loglik");
        var lr = json.GetProperty("tests").GetProperty("lr");
        Close.To(c.GetProperty("lr")[0].GetDouble(), Close.Value(lr, "chisq"), 1e-6, $"{name} penalised LR");
        Assert.Equal(c.GetProperty("lr")[1].GetInt32(), lr.GetProperty("df").GetInt32());
        Close.To(c.GetProperty("lr")[2].GetDouble(), Close.Value(lr, "p"), 1e-5, $"{name} penalised LR p");
        Close.To(c.GetProperty("wald")[0].GetDouble(), Close.Value(json.GetProperty("tests").GetProperty("wald"), "chisq"), 1e-6, $"{name} Wald");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("tests").GetProperty("score").ValueKind);
        Close.To(c.GetProperty("concordance")[0].GetDouble(), Close.Value(json.GetProperty("concordance"), "c"), 1e-6, $"{name} C");

        var terms = json.GetProperty("terms").EnumerateArray().ToArray();
        var expected = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => Text(e, "term")), terms.Select(t => Text(t, "variable") + Level(t)));
        foreach (var (e, t) in expected.Zip(terms))
        {
            var what = $"{name} {Text(e, "term")}";
            Assert.Equal("firth", Text(t, "method"));
            Assert.False(t.GetProperty("possiblyInfinite").GetBoolean());
            foreach (var field in new[] { "coef", "se", "hr", "chisq" }) Close.To(e.GetProperty(field).GetDouble(), Close.Value(t, field), 1e-6, $"{what} {field}");
            Close.To(e.GetProperty("coef").GetDouble() / e.GetProperty("se").GetDouble(), Close.Value(t, "z"), 1e-6, $"{what} z (Wald)");
            Close.To(e.GetProperty("lower").GetDouble(), Close.Value(t, "lower"), 1e-4, $"{what} lower (profile)");
            Close.To(e.GetProperty("upper").GetDouble(), Close.Value(t, "upper"), 1e-4, $"{what} upper (profile)");
            Close.To(e.GetProperty("p").GetDouble(), Close.Value(t, "p"), 1e-5, $"{what} p (penalised LR)");
        }
    }

    [Fact]
    public void ZphAndConcordanceWithSplineAndInteractionTerms()
    {
        // R: cox.zph(coxph(Surv(time, event) ~ ns(age, 3) + sex + ph.ecog + sex:ph.ecog, lung)):
        // the spline's three columns are one term (df 3), the interaction another.
        var c = Case("zph_terms", "lung spline and interaction");
        var json = CliRunner.Json("cox", "--data", CliRunner.Data(Text(c, "data")), "--time", Text(c, "time"), "--event", Text(c, "event"),
            "--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString())),
            "--spline", Text(c, "spline"), "--interaction", Text(c, "interaction"), "--zph", "km");
        CheckZph(json.GetProperty("zph"), c.GetProperty("table"), "km", "lung spline and interaction");
        Close.To(c.GetProperty("c").GetDouble(), Close.Value(json.GetProperty("concordance"), "c"), 1e-6, "C");
        Close.To(c.GetProperty("se").GetDouble(), Close.Value(json.GetProperty("concordance"), "se"), 1e-6, "se(C)");
    }

    [Fact]
    public void APossiblyInfiniteCoefficientGetsFirthsEstimateBesideIt()
    {
        // monotone.csv: arm C has no events. The ordinary fit flags armC; beside it, coxphf's estimate.
        var c = Case("firth", "monotone arm C");
        var json = CliRunner.Json([.. Model(c)]);
        Assert.Equal("coxph", json.GetProperty("method").GetString());
        var terms = json.GetProperty("terms").EnumerateArray().ToArray();
        var armC = terms.Single(t => Level(t) == "C");
        Assert.True(armC.GetProperty("possiblyInfinite").GetBoolean());
        var firth = armC.GetProperty("firth");
        var expected = c.GetProperty("terms").EnumerateArray().Single(e => Text(e, "term") == "armC");
        Close.To(expected.GetProperty("coef").GetDouble(), Close.Value(firth, "coef"), 1e-6, "armC Firth coef");
        Close.To(expected.GetProperty("hr").GetDouble(), Close.Value(firth, "hr"), 1e-6, "armC Firth HR");
        Close.To(expected.GetProperty("lower").GetDouble(), Close.Value(firth, "lower"), 1e-4, "armC Firth lower");
        Close.To(expected.GetProperty("upper").GetDouble(), Close.Value(firth, "upper"), 1e-4, "armC Firth upper");
        Close.To(expected.GetProperty("p").GetDouble(), Close.Value(firth, "p"), 1e-5, "armC Firth p");
        Assert.All(terms.Where(t => !t.GetProperty("possiblyInfinite").GetBoolean()), t => Assert.False(t.TryGetProperty("firth", out _)));

        var md = CliRunner.Run([.. Model(c), "--format", "md"]).Stdout;
        Assert.Contains("Firth's penalised estimate beside", md);
        Assert.Contains("| arm: C | 0.0594 |", md);
    }

    [Fact]
    public void MarkdownShowsConcordanceZphAndItsRemedies()
    {
        var c = Cases.Value.Single(x => Kind(x) == "zph" && Text(x, "name") == "colon adjusted" && Text(x, "transform") == "km");
        var (exit, md, stderr) = CliRunner.Run([.. Model(c), "--zph", "km", "--format", "md"]);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Contains("Concordance (Harrell's C): 0.661 (se 0.013)", md); // R: 0.66145, 0.012923 (concordance case "colon adjusted")
        Assert.Contains("### Proportional hazards (cox.zph, km transform)", md);
        Assert.Contains("| differ (P < 0.05) | 13.35 | 1 | 2.6E-4 |", md); // R: 13.3513, p 0.000258
        Assert.Contains("Remedies: stratify on it", md);
    }

    [Theory]
    [InlineData(new[] { "--firth", "--strata", "sex" }, "no strata")]
    [InlineData(new[] { "--firth", "--ties", "efron" }, "Breslow")]
    [InlineData(new[] { "--firth", "--zph", "km" }, "without --firth")]
    [InlineData(new[] { "--zph", "weekly" }, "--zph must be one of km, rank, identity, log")]
    [InlineData(new[] { "--firth", "--spline", "age:3" }, "--firth does not take --interaction or --spline")]
    public void NonsenseCombinationsAreUsageErrors(string[] extra, string message)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["cox", "--data", CliRunner.Data("lung.csv"), "--time", "time", "--event", "event", "--covariates", "age,ph.ecog", .. extra]);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
        Assert.Equal(1, stderr.Count(ch => ch == '\n'));
    }

    [Fact]
    public void ZphWithOneEventTimeIsNullNotAnError()
    {
        // zph-one-time.csv: every event at t = 5. R stops ("system is exactly singular"); pnen
        // writes null statistics and says why.
        var json = CliRunner.Json("cox", "--data", CliRunner.Data("cox-checks/zph-one-time.csv"), "--time", "time", "--event", "event", "--covariates", "x", "--zph", "km");
        var zph = json.GetProperty("zph");
        Assert.Equal(JsonValueKind.Null, zph.GetProperty("global").GetProperty("chisq").ValueKind);
        Assert.Equal(JsonValueKind.Null, zph.GetProperty("terms")[0].GetProperty("p").ValueKind);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("zph: all events happen at one time", StringComparison.Ordinal));
    }

    private static void CheckZph(JsonElement zph, JsonElement table, string transform, string what)
    {
        Assert.Equal(transform, zph.GetProperty("transform").GetString());
        var rows = table.EnumerateArray().ToArray();
        var terms = zph.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(rows[..^1].Select(r => Text(r, "term")), terms.Select(t => Text(t, "variable")));
        foreach (var (expected, actual) in rows.Zip([.. terms, zph.GetProperty("global")]))
        {
            Close.To(expected.GetProperty("chisq").GetDouble(), Close.Value(actual, "chisq"), 1e-6, $"{what} {Text(expected, "term")} chisq");
            Assert.Equal(expected.GetProperty("df").GetInt32(), actual.GetProperty("df").GetInt32());
            Close.To(expected.GetProperty("p").GetDouble(), Close.Value(actual, "p"), 1e-5, $"{what} {Text(expected, "term")} p");
        }
    }

    /// <summary>`pnen cox` arguments for a case's model.</summary>
    private static string[] Model(JsonElement c)
    {
        var args = new List<string>
        {
            "cox", "--data", CliRunner.Data(Text(c, "data")), "--time", Text(c, "time"), "--event", Text(c, "event"),
            "--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString())), "--ties", Text(c, "ties"),
        };
        var categorical = c.GetProperty("categorical");
        if (categorical.ValueKind == JsonValueKind.Object && categorical.EnumerateObject().Any())
        {
            args.AddRange(["--categorical", string.Join(',', categorical.EnumerateObject().Select(p => $"{p.Name}:{p.Value.GetString()}"))]);
        }
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        return args.ToArray();
    }

    private static string Kind(JsonElement c) => Text(c, "kind");

    private static string Text(JsonElement e, string property) => e.GetProperty(property).GetString()!;

    private static string Level(JsonElement term) => term.GetProperty("level").ValueKind == JsonValueKind.Null ? "" : term.GetProperty("level").GetString()!;

    private static JsonElement Case(string kind, string name) => Cases.Value.Single(c => Kind(c) == kind && Text(c, "name") == name);

    private static IEnumerable<object[]> Names(string kind) => Cases.Value.Where(c => Kind(c) == kind).Select(c => new object[] { Text(c, "name") });
}
