using System.Text.Json;
using System.Text.Json.Nodes;
using Pnen.Stats.Baseline;
using Pnen.Stats.Tests.Hypothesis;

namespace Pnen.Stats.Tests.Baseline;

/// <summary>
/// The result records serialise, with System.Text.Json's camel-case policy and nothing else, to the
/// contract of issue 3:
/// {"by","groups":[...],"rows":[{"variable","kind","test","statistic","df","p","normality":{"w","p"},
/// "missing","levels":[{"level","counts":[...],"percents":[...]}],"summary":[{"group","n","mean","sd",
/// "median","q1","q3"}]}],"warnings":[...]}. The serializer refuses NaN, so a passing round also
/// shows that no NaN reaches the output.
/// </summary>
public class JsonContractTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static JsonObject Serialise()
    {
        var (trt, trts) = Veteran.Instance.Factor("trt");
        var (celltype, celltypes) = Veteran.Instance.Factor("celltype");
        var table = BaselineTableBuilder.Build(
            new BaselineGrouping("trt", trt, trts),
            [
                new CategoricalVariable("celltype", celltype, celltypes),
                new ContinuousVariable("age", Veteran.Instance.Numbers("age")),
                new ContinuousVariable("constant", Enumerable.Repeat(1.0, trt.Length).ToArray()),
            ],
            new BaselineTableOptions { IncludeSmd = true });
        return JsonNode.Parse(JsonSerializer.Serialize(table, Options))!.AsObject();
    }

    [Fact]
    public void TopLevelShape()
    {
        var json = Serialise();
        Assert.Equal("trt", (string?)json["by"]);
        Assert.Equal(["1", "2"], json["groups"]!.AsArray().Select(g => (string)g!).ToArray());
        Assert.IsType<JsonArray>(json["rows"]);
        Assert.IsType<JsonArray>(json["warnings"]);
    }

    [Fact]
    public void CategoricalRowShape()
    {
        var row = Serialise()["rows"]![0]!.AsObject();
        foreach (var key in new[] { "variable", "kind", "test", "statistic", "df", "p", "normality", "missing", "levels", "summary" })
            Assert.True(row.ContainsKey(key), $"missing \"{key}\"");
        Assert.Equal("categorical", (string?)row["kind"]);
        Assert.Equal("chisq", (string?)row["test"]);
        Assert.Null(row["normality"]);
        Assert.Null(row["summary"]);
        var level = row["levels"]![0]!.AsObject();
        Assert.Equal("adeno", (string?)level["level"]);
        Assert.Equal([9, 18], level["counts"]!.AsArray().Select(c => (int)c!).ToArray());
        Assert.Equal(2, level["percents"]!.AsArray().Count);
        Assert.Equal(27, (int?)level["overall"]!["count"]);
    }

    [Fact]
    public void ContinuousRowShape()
    {
        var rows = Serialise()["rows"]!.AsArray();
        var age = rows[1]!.AsObject();
        Assert.Equal("continuous", (string?)age["kind"]);
        Assert.Null(age["levels"]);
        var normality = age["normality"]!.AsObject();
        Assert.True(normality.ContainsKey("w") && normality.ContainsKey("p"));
        var summary = age["summary"]![0]!.AsObject();
        foreach (var key in new[] { "group", "n", "mean", "sd", "median", "q1", "q3" })
            Assert.True(summary.ContainsKey(key), $"missing summary \"{key}\"");
        Assert.Equal("Overall", (string?)age["overall"]!["group"]);

        var constant = rows[2]!.AsObject();
        Assert.Null(constant["test"]);
        Assert.Null(constant["p"]);
        Assert.Null(constant["statistic"]);
        Assert.Null(constant["normality"]);
    }
}
