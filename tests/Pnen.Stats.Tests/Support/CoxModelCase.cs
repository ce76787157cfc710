using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Support;

/// <summary>The data and model of a Cox case of r-reference.json or cox-checks.json: time, status, covariates (categorical ones with the
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
