using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Support;

/// <summary>
/// The cases of tests/TestData/cox-checks/cox-checks.json: cox.zph, summary(coxph)$concordance
/// (R 4.2.2, survival 3.5-3) and coxphf 1.13, written by make-reference.R beside it.
/// </summary>
internal static class CoxCheckCases
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path("cox-checks/cox-checks.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static JsonElement Named(string kind, string name) =>
        Cases.Value.Single(c => c.Text("kind") == kind && c.Text("name") == name);

    /// <summary>(name, transform) of every zph case, (name) of the others.</summary>
    public static IEnumerable<object[]> OfKind(string kind) =>
        Cases.Value.Where(c => c.Text("kind") == kind).Select(c => kind == "zph"
            ? new object[] { c.Text("name"), c.Text("transform") }
            : new object[] { c.Text("name") });

    public static JsonElement Zph(string name, string transform) =>
        Cases.Value.Single(c => c.Text("kind") == "zph" && c.Text("name") == name && c.Text("transform") == transform);

    public static double[] Numbers(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static double?[] NullableNumbers(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToArray();
}

/// <summary>The data and model of a case: time, status, covariates (categorical ones with the
/// case's reference level), strata and ties, read from the case's CSV file.</summary>
internal sealed record CoxModelCase(double[] Time, bool[] Status, CoxCovariate[] Covariates, CoxStrata? Strata, CoxOptions Options)
{
    public static CoxModelCase Load(JsonElement c)
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

        var terms = covariates.Select(v => categorical.TryGetValue(v, out var reference)
            ? (CoxCovariate)Categorical(table.Get<CategoricalColumn>(v), reference)
            : new NumericCovariate(v, table.Get<NumericColumn>(v).Values)).ToArray();
        CoxStrata? stratum = null;
        if (strata is not null)
        {
            var s = table.Get<CategoricalColumn>(strata);
            stratum = new CoxStrata(strata, s.Codes, s.Levels);
        }
        var ties = c.TryGetProperty("ties", out var t) && t.GetString() == "breslow" ? CoxTies.Breslow : CoxTies.Efron;
        return new CoxModelCase(
            table.Get<NumericColumn>(c.Text("time")).Values,
            table.Get<EventColumn>(c.Text("event")).Values.Select(v => v == 1).ToArray(),
            terms, stratum, new CoxOptions { Ties = ties });
    }

    public CoxResult Fit() => CoxRegression.Fit(Time, Status, Covariates, Options, Strata);

    private static CategoricalCovariate Categorical(CategoricalColumn column, string reference) =>
        new(column.Name, column.Codes, column.Levels, column.Levels.ToList().IndexOf(reference));
}
