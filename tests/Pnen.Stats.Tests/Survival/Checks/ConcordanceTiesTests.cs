using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Concordance;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.Checks;

/// <summary>
/// Harrell's C with unit weights (counted a bit per row, in 64-row words) against R survival 3.5-3
/// (concordance-ties/concordance-ties.json, from make-reference.R there): 192 rows, strata of 64 and
/// 128, events and censorings tied at the shortest and the longest time, both extreme predictor
/// values at both extreme times, runs of tied predictors across the word boundaries; concordance()
/// of x, and summary(coxph)$concordance of a model whose linear predictor takes six values.
/// </summary>
public class ConcordanceTiesTests
{
    private static readonly Lazy<(JsonElement[] Cases, LoadedTable Table)> Reference = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path("concordance-ties/concordance-ties.json"));
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var table = TableReader.Read(TestFiles.Path(root.GetProperty("data").GetString()!),
        [
            new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("x", ColumnKind.Numeric),
            new("g", ColumnKind.Categorical), new("b", ColumnKind.Numeric), new("s", ColumnKind.Categorical),
        ]);
        return (root.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray(), table);
    });

    public static IEnumerable<object[]> Cases(string kind) =>
        Reference.Value.Cases.Where(c => c.GetProperty("kind").GetString() == kind).Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases), "direct")]
    public void PredictorMatchesConcordance(string name)
    {
        var (c, table) = Case(name);
        var strata = c.GetProperty("strata").GetBoolean() ? table.Get<CategoricalColumn>("s").Codes : [];
        var result = ConcordanceIndex.Compute(Time(table), Status(table), table.Get<NumericColumn>("x").Values, strata,
            reverse: c.GetProperty("reverse").GetBoolean());
        Check(c, result);
    }

    [Theory]
    [MemberData(nameof(Cases), "cox")]
    public void CoxMatchesSummaryCoxph(string name)
    {
        var (c, table) = Case(name);
        var g = table.Get<CategoricalColumn>("g");
        CoxCovariate[] covariates = [new CategoricalCovariate("g", g.Codes, g.Levels, g.Levels.ToList().IndexOf("a")), new NumericCovariate("b", table.Get<NumericColumn>("b").Values)];
        var s = table.Get<CategoricalColumn>("s");
        var strata = c.GetProperty("strata").GetBoolean() ? new CoxStrata("s", s.Codes, s.Levels) : null;
        var model = CoxModel.Fit(Time(table), Status(table), covariates, CoxOptions.Default, strata);
        Check(c, CoxConcordance.Of(model));
        Check(c, CoxConcordance.Of(Time(table), Status(table), covariates, model.Result, CoxOptions.Default, strata));
    }

    private static (JsonElement Case, LoadedTable Table) Case(string name) =>
        (Reference.Value.Cases.Single(c => c.GetProperty("name").GetString() == name), Reference.Value.Table);

    private static double[] Time(LoadedTable table) => table.Get<NumericColumn>("time").Values;

    private static bool[] Status(LoadedTable table) => table.Get<EventColumn>("status").Values.Select(v => v == 1).ToArray();

    private static void Check(JsonElement c, ConcordanceResult result)
    {
        var name = c.GetProperty("name").GetString();
        Approx.Equal(c.GetProperty("c").GetDouble(), result.C, Approx.Statistic, $"{name} C");
        Approx.Equal(c.GetProperty("se").GetDouble(), result.StdErr, Approx.Statistic, $"{name} se");
        Assert.Equal(c.GetProperty("concordant").GetDouble(), result.Concordant);
        Assert.Equal(c.GetProperty("discordant").GetDouble(), result.Discordant);
        Assert.Equal(c.GetProperty("tied_x").GetDouble(), result.TiedPredictor);
        Assert.Equal(c.GetProperty("tied_y").GetDouble(), result.TiedTime);
        Assert.Equal(c.GetProperty("tied_xy").GetDouble(), result.TiedBoth);
    }
}
