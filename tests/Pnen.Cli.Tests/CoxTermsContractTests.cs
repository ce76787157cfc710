using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// `pnen cox --interaction a:b --spline x:df` against R: every CLI-expressible "cox" case of
/// tests/TestData/terms/terms-reference.json (coxph with ns() and a:b, anova(fit0, fit1) for each
/// interaction and each spline; R 4.2.2, survival 3.5-3, written by make-terms-reference.R), field
/// by field through the JSON contract; then the option mistakes, each one line and exit 2.
/// </summary>
public sealed class CoxTermsContractTests : IDisposable
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CliRunner.Data("terms/terms-reference.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-terms-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Cases without a per-unit term (the CLI has no option for one).</summary>
    public static IEnumerable<object[]> CliCases => Cases.Value
        .Where(c => Entries(c, "per").Count == 0)
        .Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(CliCases))]
    public void MatchesCoxphAndAnova(string name)
    {
        var c = Cases.Value.Single(e => e.GetProperty("name").GetString() == name);
        var json = CliRunner.Json(Arguments(c));

        Assert.Equal(c.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(c.GetProperty("events").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(c.GetProperty("dropped").GetInt32(), json.GetProperty("dropped").GetInt32());
        Close.To(c.GetProperty("loglik")[1].GetDouble(), json.GetProperty("loglik")[1].GetDouble(), 1e-6, $"{name} loglik");
        var lr = json.GetProperty("tests").GetProperty("lr");
        Close.To(c.GetProperty("lr")[0].GetDouble(), Close.Value(lr, "chisq"), 1e-6, $"{name} LR");
        Assert.Equal(c.GetProperty("lr")[1].GetInt32(), lr.GetProperty("df").GetInt32());
        Close.To(c.GetProperty("lr")[2].GetDouble(), Close.Value(lr, "p"), 1e-5, $"{name} LR p");

        var terms = json.GetProperty("terms").EnumerateArray().ToArray();
        var expected = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(Name), terms.Select(Name));
        for (var i = 0; i < terms.Length; i++)
        {
            var what = $"{name} {expected[i].GetProperty("r_name").GetString()}";
            if (terms[i].GetProperty("possiblyInfinite").GetBoolean())
            {
                Assert.Contains(c.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("may be infinite", StringComparison.Ordinal));
                continue;
            }
            foreach (var field in new[] { "coef", "se", "z", "hr", "lower", "upper" })
            {
                Close.To(expected[i].GetProperty(field).GetDouble(), Close.Value(terms[i], field), 1e-6, $"{what} {field}");
            }
            Close.To(expected[i].GetProperty("p").GetDouble(), Close.Value(terms[i], "p"), 1e-5, $"{what} p");
        }
        Assert.Equal(c.GetProperty("na_terms").EnumerateArray().Select(Name).Order(), json.GetProperty("droppedTerms").EnumerateArray().Select(Name).Order());

        CheckTests(name, c.GetProperty("interaction_tests"), json.GetProperty("interactions"), "terms");
        CheckTests(name, c.GetProperty("nonlinearity_tests"), json.GetProperty("nonlinearity"), "variable");

        var splines = json.GetProperty("splines").EnumerateArray().ToArray();
        var knots = c.GetProperty("knots").EnumerateArray().ToArray();
        Assert.Equal(knots.Select(k => k.GetProperty("variable").GetString()), splines.Select(s => s.GetProperty("variable").GetString()));
        for (var i = 0; i < knots.Length; i++)
        {
            var interior = knots[i].GetProperty("interior").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var ours = splines[i].GetProperty("knots").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(interior.Length, ours.Length);
            Assert.Equal(interior.Length + 1, splines[i].GetProperty("df").GetInt32());
            for (var k = 0; k < ours.Length; k++) Close.To(interior[k], ours[k], 1e-12, $"{name} knot {k + 1}");
            for (var b = 0; b < 2; b++) Close.To(knots[i].GetProperty("boundary")[b].GetDouble(), splines[i].GetProperty("boundaryKnots")[b].GetDouble(), 1e-12, $"{name} boundary {b}");
        }
    }

    private static void CheckTests(string name, JsonElement expected, JsonElement actual, string key)
    {
        var r = expected.EnumerateArray().ToArray();
        var ours = actual.EnumerateArray().ToArray();
        Assert.Equal(r.Select(t => t.GetProperty(key).GetString()), ours.Select(t => t.GetProperty(key).GetString()));
        for (var i = 0; i < r.Length; i++)
        {
            var what = $"{name} {key} {r[i].GetProperty(key).GetString()}";
            Assert.Equal(r[i].GetProperty("df").GetInt32(), ours[i].GetProperty("df").GetInt32());
            if (r[i].GetProperty("df").GetInt32() == 0)
            {
                // R's anova gives chi-square 0 and P = 1 for a test of nothing; the contract says null.
                Assert.Equal(JsonValueKind.Null, ours[i].GetProperty("chisq").ValueKind);
                Assert.Equal(JsonValueKind.Null, ours[i].GetProperty("p").ValueKind);
                continue;
            }
            Close.To(r[i].GetProperty("chisq").GetDouble(), Close.Value(ours[i], "chisq"), 1e-6, $"{what} chisq");
            Close.To(r[i].GetProperty("p").GetDouble(), Close.Value(ours[i], "p"), 1e-5, $"{what} p");
        }
    }

    [Fact]
    public void ColonTreatmentByNode4IsPointNine()
    {
        // The issue's example: rx x node4 in the colon deaths, P = 0.90 (R: 0.8967025421, anova above).
        var json = CliRunner.Json("cox", "--data", CliRunner.Data("terms/colon-terms.csv"), "--time", "time", "--event", "status",
            "--covariates", "rx,node4", "--interaction", "rx:node4");
        var test = Assert.Single(json.GetProperty("interactions").EnumerateArray());
        Assert.Equal("rx:node4", test.GetProperty("terms").GetString());
        Assert.Equal("0.90", test.GetProperty("p").GetDouble().ToString("F2", CultureInfo.InvariantCulture));
        Assert.Equal(["Lev+5FU", "Obs"], json.GetProperty("terms").EnumerateArray().Where(t => t.GetProperty("variable").GetString() == "rx:node4").Select(t => t.GetProperty("level").GetString()));
    }

    [Fact]
    public void WithoutTheOptionsTheArraysAreEmpty()
    {
        var json = CliRunner.Json("cox", "--data", CliRunner.Data("terms/colon-terms.csv"), "--time", "time", "--event", "status", "--covariates", "rx,age");
        foreach (var field in new[] { "interactions", "nonlinearity", "splines" }) Assert.Equal(0, json.GetProperty(field).GetArrayLength());
    }

    [Fact]
    public void MarkdownShowsTheTestsAndKnots()
    {
        var (exit, stdout, _) = CliRunner.Run("cox", "--data", CliRunner.Data("terms/colon-terms.csv"), "--time", "time", "--event", "status",
            "--covariates", "age,rx,sex", "--categorical", "rx:Obs", "--spline", "age:3", "--interaction", "age:sex", "--format", "md");
        Assert.Equal(0, exit);
        Assert.Contains("| Interaction age:sex | 4.74113 | 3 | 0.192 |", stdout);      // R: anova chisq 4.74112913, P 0.19176
        Assert.Contains("| Non-linearity of age | 9.33568 | 4 | 0.053 |", stdout);     // R: 9.33568062, P 0.053235
        Assert.Contains("boundary knots 18 and 85, interior knots 56, 66.", stdout); // R: attr(ns(age, 3), "knots")
        Assert.Contains("| age:sex: ns1:Male |", stdout);
    }

    [Fact]
    public void SplineThatCannotBeMadeIsADroppedTermNotAFailure()
    {
        // cells.csv's b is 0/1: R's ns(b, df = 3) stops; pnen leaves b out by name and tests nothing.
        var json = CliRunner.Json("cox", "--data", CliRunner.Data("terms/cells.csv"), "--time", "time", "--event", "event",
            "--covariates", "b,x", "--spline", "b:3");
        var dropped = Assert.Single(json.GetProperty("droppedTerms").EnumerateArray());
        Assert.Equal("b", dropped.GetProperty("variable").GetString());
        var test = Assert.Single(json.GetProperty("nonlinearity").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("chisq").ValueKind);
        Assert.Equal(0, test.GetProperty("df").GetInt32());
        var spline = Assert.Single(json.GetProperty("splines").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, spline.GetProperty("knots").ValueKind);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("non-linearity of b:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--interaction", "rx:age", "'age' must also be in --covariates")]
    [InlineData("--interaction", "rx", "two covariates joined by ':'")]
    [InlineData("--interaction", "rx:sex:node4", "two covariates joined by ':'")]
    [InlineData("--interaction", "rx:rx", "with itself")]
    [InlineData("--interaction", "rx:sex,sex:rx", "more than once")]
    [InlineData("--spline", "nodes", "needs its degrees of freedom")]
    [InlineData("--spline", "nodes:0", "whole number from 1 to 30")]
    [InlineData("--spline", "nodes:2.5", "whole number from 1 to 30")]
    [InlineData("--spline", "nodes:31", "whole number from 1 to 30")]
    [InlineData("--spline", "age:3", "'age', which is not in --covariates")]
    [InlineData("--spline", "sex:3", "also in --categorical")]
    public void OptionMistakesAreOneLine(string option, string value, string problem)
    {
        var (exit, stdout, stderr) = CliRunner.Run("cox", "--data", CliRunner.Data("terms/colon-terms.csv"), "--time", "time", "--event", "status",
            "--covariates", "rx,sex,nodes", "--categorical", "sex", option, value);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal(1, stderr.Count(ch => ch == '\n'));
        Assert.Contains(problem, stderr);
    }

    [Fact]
    public void SplineOfTextNamesRowColumnAndValue()
    {
        var path = Path.Combine(_folder, "text.csv");
        File.WriteAllText(path, "t,e,x\n1,1,3\n2,0,4\n3,1,high\n4,1,5\n", new UTF8Encoding(false));
        var (exit, _, stderr) = CliRunner.Run("cox", "--data", path, "--time", "t", "--event", "e", "--covariates", "x", "--spline", "x:2");
        Assert.Equal(2, exit);
        Assert.Equal(1, stderr.Count(ch => ch == '\n'));
        Assert.Contains("row 3", stderr);
        Assert.Contains("column 'x'", stderr);
        Assert.Contains("'high'", stderr);
    }

    private static string[] Arguments(JsonElement c)
    {
        var args = new List<string>
        {
            "cox", "--data", CliRunner.Data(c.GetProperty("data").GetString()!), "--time", c.GetProperty("time").GetString()!,
            "--event", c.GetProperty("event").GetString()!, "--ties", c.GetProperty("ties").GetString()!,
            "--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString())),
        };
        var categorical = Entries(c, "categorical");
        if (categorical.Count > 0) args.AddRange(["--categorical", string.Join(',', categorical.Select(p => $"{p.Name}:{p.Value.GetString()}"))]);
        var splines = Entries(c, "splines");
        if (splines.Count > 0) args.AddRange(["--spline", string.Join(',', splines.Select(p => $"{p.Name}:{p.Value.GetInt32()}"))]);
        var interactions = c.GetProperty("interactions").EnumerateArray().Select(e => e.GetString()!).ToArray();
        if (interactions.Length > 0) args.AddRange(["--interaction", string.Join(',', interactions)]);
        if (c.Column("strata") is { } strata) args.AddRange(["--strata", strata]);
        return args.ToArray();
    }

    private static List<JsonProperty> Entries(JsonElement c, string property) =>
        c.GetProperty(property).ValueKind == JsonValueKind.Object ? c.GetProperty(property).EnumerateObject().ToList() : [];

    private static string Name(JsonElement term) =>
        term.GetProperty("variable").GetString() + (term.GetProperty("level").ValueKind == JsonValueKind.String ? "=" + term.GetProperty("level").GetString() : "");
}
