using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Weighting;

/// <summary>
/// The cases of tests/TestData/weighting/weighting-reference.json, written by make-reference.R beside
/// it (R 4.2.2, survival 3.5-3, nnet 7.3-18): glm and multinom propensity models, weights, effective
/// sample sizes, standardised differences by hand in cobalt's convention, and Cox-standardised curves.
/// </summary>
internal static class WeightingReference
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path(Path.Combine("weighting", "weighting-reference.json")));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static JsonElement Named(string name) => Cases.Value.Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> OfKind(string kind) =>
        Cases.Value.Where(c => c.GetProperty("kind").GetString() == kind).Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static string[] Strings(this JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Array
            ? e.GetProperty(property).EnumerateArray().Select(x => x.GetString()!).ToArray()
            : [e.GetProperty(property).GetString()!];

    public static double[] Numbers(this JsonElement e, string property) => e.GetProperty(property).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>The columns of a case read as the CLI reads them: the treatment (or exposure) and the
    /// named categorical covariates as levels, other covariates numbers when every value is one.</summary>
    public static LoadedTable Load(JsonElement c, string treatment, IEnumerable<string> extra)
    {
        var categorical = c.Strings("categorical").Where(s => s.Length > 0).ToHashSet();
        var requests = new List<ColumnRequest> { new(treatment, ColumnKind.Categorical) };
        requests.AddRange(c.Strings("covariates").Select(v => new ColumnRequest(v, categorical.Contains(v) ? ColumnKind.Categorical : ColumnKind.Auto)));
        requests.AddRange(extra.Select(v => new ColumnRequest(v, ColumnKind.Auto)));
        return TableReader.Read(TestFiles.Path(c.GetProperty("data").GetString()!), requests);
    }

    public static CategoricalCovariate Factor(LoadedTable table, string name, string? reference = null)
    {
        var column = table.Get<CategoricalColumn>(name);
        var index = reference is null ? 0 : column.Levels.ToList().IndexOf(reference);
        Assert.True(index >= 0, $"{name} has no level {reference}");
        return new CategoricalCovariate(name, column.Codes, column.Levels, index);
    }

    public static CoxCovariate[] Covariates(LoadedTable table, JsonElement c) =>
        c.Strings("covariates").Select(v => table[v] switch
        {
            CategoricalColumn cat => (CoxCovariate)new CategoricalCovariate(v, cat.Codes, cat.Levels, 0),
            NumericColumn num => new NumericCovariate(v, num.Values),
            _ => throw new InvalidOperationException(v),
        }).ToArray();

    /// <summary>R's coefficient name for a term: "(Intercept)", the variable, or variable + level.</summary>
    public static string RName(string variable, string? level) => level is null ? variable : variable + level;
}
