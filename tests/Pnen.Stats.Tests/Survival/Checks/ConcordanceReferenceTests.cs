using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Concordance;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.Checks;

/// <summary>
/// Harrell's C against R survival 3.5-3 (cox-checks.json): summary(coxph)$concordance of every Cox
/// case of r-reference.json, r-reference-extra.json and cox-checks (ties in time, ties in the
/// predictor, strata, more than 10 strata, missing values, collinear, constant and possibly
/// infinite terms), and concordance() of single predictors (weights, strata, reverse).
/// </summary>
public class ConcordanceReferenceTests
{
    public static IEnumerable<object[]> CoxCases => CoxCheckCases.OfKind("concordance");
    public static IEnumerable<object[]> DirectCases => CoxCheckCases.OfKind("concordance_direct");

    [Theory]
    [MemberData(nameof(CoxCases))]
    public void CoxMatchesSummaryCoxph(string name)
    {
        var c = CoxCheckCases.Named("concordance", name);
        var model = CoxModelCase.Load(c);
        var fit = model.Fit();
        var result = CoxConcordance.Of(model.Time, model.Status, model.Covariates, fit, model.Options, model.Strata);
        Check(c, result, name);
    }

    [Theory]
    [MemberData(nameof(CoxCases))]
    public void ModelReadFromItsFitMatchesSummaryCoxph(string name)
    {
        var c = CoxCheckCases.Named("concordance", name);
        var data = CoxModelCase.Load(c);
        var model = CoxModel.Fit(data.Time, data.Status, data.Covariates, data.Options, data.Strata);
        var result = CoxConcordance.Of(model);
        Check(c, result, name);
        // The fit's own predictor orders the rows as the rebuilt one does: the same pair counts, exactly.
        var rebuilt = CoxConcordance.Of(data.Time, data.Status, data.Covariates, model.Result, data.Options, data.Strata);
        Assert.Equal((rebuilt.Concordant, rebuilt.Discordant, rebuilt.TiedPredictor, rebuilt.TiedTime, rebuilt.TiedBoth),
            (result.Concordant, result.Discordant, result.TiedPredictor, result.TiedTime, result.TiedBoth));
    }

    [Theory]
    [MemberData(nameof(DirectCases))]
    public void PredictorMatchesConcordance(string name)
    {
        var c = CoxCheckCases.Named("concordance_direct", name);
        var strata = c.GroupColumnOf("strata");
        var weights = c.GroupColumnOf("weights");
        var requests = new List<ColumnRequest>
        {
            new(c.Text("time"), ColumnKind.NonNegative), new(c.Text("event"), ColumnKind.Event), new(c.Text("predictor"), ColumnKind.Numeric),
        };
        if (strata is not null) requests.Add(new ColumnRequest(strata, ColumnKind.Categorical));
        if (weights is not null) requests.Add(new ColumnRequest(weights, ColumnKind.Numeric));
        var table = TableReader.Read(TestFiles.Path(c.Text("data")), requests);
        var rows = Enumerable.Range(0, table.RowCount).Where(r => requests.All(q => !table[q.Name].IsMissing(r))).ToArray();

        var time = rows.Select(r => table.Get<NumericColumn>(c.Text("time")).Values[r]).ToArray();
        var status = rows.Select(r => table.Get<EventColumn>(c.Text("event")).Values[r] == 1).ToArray();
        var x = rows.Select(r => table.Get<NumericColumn>(c.Text("predictor")).Values[r]).ToArray();
        var s = strata is null ? [] : rows.Select(r => table.Get<CategoricalColumn>(strata).Codes[r]).ToArray();
        var w = weights is null ? [] : rows.Select(r => table.Get<NumericColumn>(weights).Values[r]).ToArray();
        var result = ConcordanceIndex.Compute(time, status, x, s, w, c.GetProperty("reverse").GetBoolean());
        Check(c, result, name);
    }

    [Fact]
    public void NoComparablePairGivesNull()
    {
        // The only event is at the longest time: no pair has an event as its shorter time.
        var result = ConcordanceIndex.Compute([1, 2, 3], [false, false, true], [0.5, 1.5, 2.5]);
        Assert.Null(result.C);
        Assert.Null(result.StdErr);
        Assert.Equal(0, result.Concordant + result.Discordant + result.TiedPredictor);
    }

    [Fact]
    public void HandCountedPairs()
    {
        // Times 1 (event), 2 (censored), 3 (event), 4 (censored); x = 2, 1, 3, 4. Comparable pairs
        // (the shorter time is an event): (1,2) (1,3) (1,4) (3,4). The longer time has the larger x
        // in (1,3) (1,4) (3,4), not in (1,2). C = 3/4 as a predictor of time; as a risk score 1/4.
        var result = ConcordanceIndex.Compute([1, 2, 3, 4], [true, false, true, false], [2, 1, 3, 4]);
        Assert.Equal(3, result.Concordant);
        Assert.Equal(1, result.Discordant);
        Approx.Equal(0.75, result.C, 1e-15, "C");
        Approx.Equal(0.25, ConcordanceIndex.Compute([1, 2, 3, 4], [true, false, true, false], [2, 1, 3, 4], reverse: true).C, 1e-15, "reverse");
    }

    private static void Check(JsonElement c, ConcordanceResult result, string name)
    {
        Approx.Equal(c.Number("c"), result.C, Approx.Statistic, $"{name} C");
        Approx.Equal(c.Number("se"), result.StdErr, Approx.Statistic, $"{name} se");
        Approx.Equal(c.Number("concordant"), result.Concordant, 1e-12, $"{name} concordant");
        Approx.Equal(c.Number("discordant"), result.Discordant, 1e-12, $"{name} discordant");
        Approx.Equal(c.Number("tied_x"), result.TiedPredictor, 1e-12, $"{name} tied.x");
        Approx.Equal(c.Number("tied_y"), result.TiedTime, 1e-12, $"{name} tied.y");
        Approx.Equal(c.Number("tied_xy"), result.TiedBoth, 1e-12, $"{name} tied.xy");
    }
}
