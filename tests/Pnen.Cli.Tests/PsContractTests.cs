using System.Globalization;
using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>
/// `pnen ps` and `pnen evalue` against tests/TestData/weighting/weighting-reference.json (R 4.2.2: glm,
/// nnet::multinom, weights and SMDs by hand in cobalt's convention; see make-reference.R there):
/// every contract field, the --out file, and the user mistakes that must be one line and exit 2.
/// </summary>
public sealed class PsContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-ps-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CliRunner.Data(Path.Combine("weighting", "weighting-reference.json"))));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    private static JsonElement Case(string name) => Cases.Value.Single(c => c.GetProperty("name").GetString() == name);

    private static JsonElement Weighting(JsonElement c, string name) => c.GetProperty("weightings").EnumerateArray().Single(w => w.GetProperty("name").GetString() == name);

    private static string[] Args(JsonElement c, params string[] extra)
    {
        var args = new List<string>
        {
            "ps", "--data", CliRunner.Data(c.GetProperty("data").GetString()!), "--treatment", c.GetProperty("treatment").GetString()!,
            "--covariates", string.Join(',', c.GetProperty("covariates").EnumerateArray().Select(x => x.GetString())),
            "--reference", c.GetProperty("reference").GetString()!,
        };
        var categorical = c.GetProperty("categorical");
        if (categorical.ValueKind == JsonValueKind.String) args.AddRange(["--categorical", categorical.GetString()!]);
        args.AddRange(extra);
        return args.ToArray();
    }

    [Theory]
    [InlineData("lung-sex", "ate", 1e-6)]
    [InlineData("lung-sex", "ate-stabilized", 1e-6)]
    [InlineData("lung-sex", "att", 1e-6)]
    [InlineData("lung-sex", "ate-truncated", 1e-6)]
    [InlineData("lung-sex", "att-truncated", 1e-6)]
    [InlineData("synthetic-surgery", "ate", 1e-4)]
    [InlineData("synthetic-surgery", "ate-stabilized-truncated", 1e-4)]
    [InlineData("synthetic-surgery", "att-PHR", 1e-4)]
    [InlineData("veteran-celltype", "ate", 1e-4)]
    public void EveryContractFieldAgreesWithR(string name, string weighting, double tolerance)
    {
        var c = Case(name);
        var w = Weighting(c, weighting);
        var extra = new List<string> { "--estimand", w.GetProperty("estimand").GetString()! };
        if (w.GetProperty("estimand").GetString() == "att") extra.AddRange(["--focal", w.GetProperty("focal").GetString()!]);
        if (w.GetProperty("stabilize").GetBoolean()) extra.Add("--stabilize");
        if (w.GetProperty("truncate").ValueKind == JsonValueKind.Number) extra.AddRange(["--truncate", w.GetProperty("truncate").GetDouble().ToString("R", CultureInfo.InvariantCulture)]);
        var json = CliRunner.Json(Args(c, extra.ToArray()));

        Assert.Equal(c.GetProperty("treatment").GetString(), json.GetProperty("treatment").GetString());
        Assert.Equal(c.GetProperty("levels").EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal), json.GetProperty("levels").EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(w.GetProperty("estimand").GetString(), json.GetProperty("estimand").GetString());
        Assert.Equal(c.GetProperty("dropped").GetInt32(), json.GetProperty("dropped").GetInt32());
        Assert.Equal(c.GetProperty("model").GetProperty("kind").GetString(), json.GetProperty("model").GetProperty("kind").GetString());

        var coefficients = json.GetProperty("model").GetProperty("coefficients").EnumerateArray().ToArray();
        foreach (var e in c.GetProperty("coefficients").EnumerateArray())
        {
            var row = coefficients.Single(x => x.GetProperty("level").GetString() == e.GetProperty("level").GetString()
                && RName(x) == e.GetProperty("term").GetString());
            Close.To(e.GetProperty("coef").GetDouble(), Close.Value(row, "coef"), tolerance, $"{name} {RName(row)} coef");
            Close.To(e.GetProperty("se").GetDouble(), Close.Value(row, "se"), tolerance, $"{name} {RName(row)} se");
        }
        foreach (var field in new[] { "sum", "min", "max", "mean" })
        {
            Close.To(w.GetProperty(field).GetDouble(), Close.Value(json.GetProperty("weights"), field), tolerance, $"{name}/{weighting} weights.{field}");
        }
        foreach (var e in w.GetProperty("ess").EnumerateArray())
        {
            var row = json.GetProperty("ess").EnumerateArray().Single(x => x.GetProperty("level").GetString() == e.GetProperty("level").GetString());
            Assert.Equal(e.GetProperty("n").GetInt32(), row.GetProperty("n").GetInt32());
            Close.To(e.GetProperty("ess").GetDouble(), Close.Value(row, "ess"), tolerance, $"{name}/{weighting} ess");
        }
        var balance = json.GetProperty("balance").EnumerateArray().ToArray();
        Assert.Equal(w.GetProperty("balance").GetArrayLength(), balance.Length);
        foreach (var e in w.GetProperty("balance").EnumerateArray())
        {
            var level = e.GetProperty("level").ValueKind == JsonValueKind.String ? e.GetProperty("level").GetString() : null;
            var row = balance.Single(x => x.GetProperty("variable").GetString() == e.GetProperty("variable").GetString()
                && (x.GetProperty("level").ValueKind == JsonValueKind.Null ? null : x.GetProperty("level").GetString()) == level
                && x.GetProperty("treatmentLevel").GetString() == e.GetProperty("treatment_level").GetString());
            Close.To(e.NumberOrNull("smd_before"), Close.Value(row, "smdBefore"), 1e-6, $"{name} {level} smdBefore");
            Close.To(e.NumberOrNull("smd_after"), Close.Value(row, "smdAfter"), tolerance, $"{name} {level} smdAfter");
        }
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
    }

    private static string RName(JsonElement coefficient) =>
        coefficient.GetProperty("variable").GetString() + (coefficient.GetProperty("termLevel").ValueKind == JsonValueKind.Null ? "" : coefficient.GetProperty("termLevel").GetString());

    [Fact]
    public void OutWritesOneRowPerInputRowInOrderWithEmptyWeightsForRowsLeftOut()
    {
        var c = Case("lung-sex");
        var w = Weighting(c, "ate");
        var path = Path.Combine(_folder, "weights.csv");
        CliRunner.Json(Args(c, "--out", path));
        var lines = File.ReadAllLines(path);
        Assert.Equal("row,level,ps,weight", lines[0]);
        Assert.Equal(229, lines.Length); // lung.csv has 228 rows
        var analysed = c.GetProperty("rows").EnumerateArray().Select(r => r.GetInt32()).ToArray();
        var weights = w.GetProperty("weights").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        for (var r = 1; r <= 228; r++)
        {
            var fields = lines[r].Split(',');
            Assert.Equal(r.ToString(CultureInfo.InvariantCulture), fields[0]);
            var at = Array.IndexOf(analysed, r);
            if (at < 0)
            {
                Assert.Equal(",,,", lines[r][fields[0].Length..]);
                continue;
            }
            Close.To(weights[at], double.Parse(fields[3], CultureInfo.InvariantCulture), 1e-6, $"row {r} weight");
        }
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void AnOutPathThatCannotBeWrittenIsAUsageErrorAndLeavesNoFile()
    {
        var path = Path.Combine(_folder, "missing-folder", "w.csv");
        var (exit, stdout, stderr) = CliRunner.Run(Args(Case("lung-sex"), "--out", path));
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("--out", stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SeparationIsSaidAndTheCovariateNamed()
    {
        var json = CliRunner.Json("ps", "--data", CliRunner.Data("weighting/separation.csv"), "--treatment", "arm", "--covariates", "x,z");
        var warnings = json.GetProperty("warnings").EnumerateArray().Select(x => x.GetString()!).ToArray();
        // glm says "fitted probabilities numerically 0 or 1 occurred" and "algorithm did not converge" (make-reference.R).
        Assert.Contains(warnings, x => x.Contains("fitted probabilities numerically 0 or 1 occurred"));
        Assert.Contains(warnings, x => x.Contains("did not converge"));
        Assert.Contains(warnings, x => x.Contains("separation") && x.Contains(" x"));
        var x = json.GetProperty("model").GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("variable").GetString() == "x");
        Assert.True(x.GetProperty("possiblyInfinite").GetBoolean());
        Assert.False(json.GetProperty("model").GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void QuasiSeparationThatGlmDoesNotReportIsSaid()
    {
        // g = "b" only in the treated arm: glm gives coefficient 17.6 (16 iterations) and no warning at all.
        var json = CliRunner.Json("ps", "--data", CliRunner.Data("weighting/separation.csv"), "--treatment", "arm", "--covariates", "g,z", "--categorical", "g:a");
        var g = json.GetProperty("model").GetProperty("coefficients").EnumerateArray().Single(c => c.GetProperty("termLevel").GetString() == "b");
        Assert.True(g.GetProperty("possiblyInfinite").GetBoolean());
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), x => x.GetString()!.Contains("g=b"));
    }

    [Theory]
    [InlineData("--estimand", "att")] // 4 levels and no --focal
    [InlineData("--truncate", "1.5")]
    [InlineData("--truncate", "0")]
    [InlineData("--estimand", "atc")]
    [InlineData("--focal", "adeno")] // --focal without att
    [InlineData("--reference", "nope")]
    public void MistakesAreOneLineAndExitTwo(string option, string value)
    {
        var (exit, stdout, stderr) = CliRunner.Run("ps", "--data", CliRunner.Data("veteran.csv"), "--treatment", "celltype", "--covariates", "age,karno", option, value);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void ATreatmentWithOneLevelAmongCompleteRowsIsADataError()
    {
        var path = Path.Combine(_folder, "one.csv");
        File.WriteAllText(path, "t,x\nA,1\nA,2\nB,\n");
        var (exit, _, stderr) = CliRunner.Run("ps", "--data", path, "--treatment", "t", "--covariates", "x");
        Assert.Equal(2, exit);
        Assert.Contains("column 't'", stderr);
        Assert.Contains("single level", stderr);
    }

    [Fact]
    public void EvalueFollowsTheContract()
    {
        // HR 0.5 (0.3 to 0.8): 1/0.5 = 2 -> 2 + sqrt(2); the upper limit 0.8 -> 1.25 + sqrt(1.25 * 0.25).
        var json = CliRunner.Json("evalue", "--estimate", "0.5", "--lower", "0.3", "--upper", "0.8");
        Close.To(2 + Math.Sqrt(2), Close.Value(json, "point"), 1e-12, "point");
        Close.To(1.25 + Math.Sqrt(1.25 * 0.25), Close.Value(json, "ci"), 1e-12, "ci");
        var crossing = CliRunner.Json("evalue", "--estimate", "1.4", "--lower", "0.9", "--upper", "2.2", "--common-outcome");
        Assert.Equal(1, crossing.GetProperty("ci").GetDouble());
        var rr = (1 - Math.Pow(0.5, Math.Sqrt(1.4))) / (1 - Math.Pow(0.5, Math.Sqrt(1 / 1.4)));
        Close.To(rr + Math.Sqrt(rr * (rr - 1)), Close.Value(crossing, "point"), 1e-12, "common-outcome point");
    }

    [Theory]
    [InlineData("--estimate", "0")]
    [InlineData("--estimate", "-2")]
    [InlineData("--estimate", "abc")]
    [InlineData("--lower", "3")]
    [InlineData("--upper", "1")]
    public void EvalueMistakesAreOneLine(string option, string value)
    {
        var args = new List<string> { "evalue", "--estimate", "2" };
        if (option == "--estimate") args[2] = value;
        else args.AddRange([option, value]);
        var (exit, stdout, stderr) = CliRunner.Run(args.ToArray());
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }
}
