using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// Cox models with spline, per-unit and interaction terms against coxph() with ns(), I(x / k)
/// and a:b, and their likelihood-ratio tests against anova(fit0, fit1): every "cox" case of
/// terms-reference.json (R 4.2.2, survival 3.5-3). Columns are compared in R's order, by our
/// names (R's names mapped to variable and level by the script) and values.
/// </summary>
public class CoxTermsReferenceTests
{
    public static IEnumerable<object[]> Cases => TermCases.Names("cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesCoxphAndAnova(string name)
    {
        var c = TermCases.Named("cases", name);
        var model = Fit(c);
        var result = model.Result;

        Assert.Equal(c.GetProperty("n").GetInt32(), result.N);
        Assert.Equal(c.GetProperty("events").GetInt32(), result.Events);
        Assert.Equal(c.GetProperty("dropped").GetInt32(), result.Dropped);
        Assert.True(result.Converged);
        Assert.Equal(c.GetProperty("warnings").GetArrayLength() > 0, result.Terms.Any(t => t.PossiblyInfinite));
        var loglik = c.GetProperty("loglik").Numbers();
        Approx.Equal(loglik[0], result.LogLikelihoodStart, Approx.Statistic, $"{name} loglik start");
        Approx.Equal(loglik[1], result.LogLikelihoodEnd, Approx.Statistic, $"{name} loglik end");
        var lr = c.GetProperty("lr").Numbers();
        Approx.Equal(lr[0], result.LikelihoodRatio!.ChiSquare, Approx.Statistic, $"{name} LR");
        Assert.Equal((int)lr[1], result.LikelihoodRatio.DegreesOfFreedom);
        Approx.Equal(lr[2], result.LikelihoodRatio.PValue, Approx.PValue, $"{name} LR p");

        var expected = c.GetProperty("terms").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => (e.Text("variable"), e.LevelOrNull())), result.Terms.Select(t => (t.Variable, t.Level)));
        for (var i = 0; i < expected.Length; i++)
        {
            var term = result.Terms[i];
            var what = $"{name} {expected[i].Text("r_name")}";
            Assert.Same(term, model.Columns[i].Term);
            if (term.PossiblyInfinite)
            {
                // Running off to infinity (an interaction cell without events): R warns that the
                // coefficient may be infinite; where the iterations stopped is no estimate to compare.
                Assert.Contains(c.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("may be infinite", StringComparison.Ordinal));
                continue;
            }
            Approx.Equal(expected[i].Number("coef"), term.Coefficient, Approx.Statistic, $"{what} coef");
            Approx.Equal(expected[i].Number("se"), term.StdErr, Approx.Statistic, $"{what} se");
            Approx.Equal(expected[i].Number("z"), term.Z, Approx.Statistic, $"{what} z");
            Approx.Equal(expected[i].Number("hr"), term.HazardRatio, Approx.Statistic, $"{what} HR");
            Approx.Equal(expected[i].Number("lower"), term.Lower, Approx.Statistic, $"{what} lower");
            Approx.Equal(expected[i].Number("upper"), term.Upper, Approx.Statistic, $"{what} upper");
            Approx.Equal(expected[i].Number("p"), term.PValue, Approx.PValue, $"{what} p");
        }
        // R's NA coefficients are the columns we leave out (constant, empty cell or collinear), by name.
        var na = c.GetProperty("na_terms").EnumerateArray().Select(e => (e.Text("variable"), e.LevelOrNull())).ToHashSet();
        Assert.Equal(na, result.DroppedTerms.Select(d => (d.Variable, d.Level)).ToHashSet());

        foreach (var knots in c.GetProperty("knots").EnumerateArray())
        {
            var spline = Assert.IsType<SplineCovariate>(model.Covariates.Single(v => v.Name == knots.Text("variable")));
            var interior = knots.GetProperty("interior").Numbers();
            Assert.Equal(interior.Length, spline.Basis!.InteriorKnots.Count);
            for (var k = 0; k < interior.Length; k++) Approx.Equal(interior[k], spline.Basis.InteriorKnots[k], 1e-13, $"{name} {spline.Name} knot {k + 1}");
            Approx.Equal(knots.GetProperty("boundary")[0].GetDouble(), spline.Basis.LowerBoundary, 1e-13, $"{name} lower boundary");
            Approx.Equal(knots.GetProperty("boundary")[1].GetDouble(), spline.Basis.UpperBoundary, 1e-13, $"{name} upper boundary");
        }

        foreach (var test in c.GetProperty("interaction_tests").EnumerateArray())
        {
            CheckTest(test, model.TestWithout(test.Text("terms")), $"{name} interaction {test.Text("terms")}");
        }
        foreach (var test in c.GetProperty("nonlinearity_tests").EnumerateArray())
        {
            CheckTest(test, model.TestNonlinearity(test.Text("variable")), $"{name} non-linearity {test.Text("variable")}");
        }
        foreach (var test in c.GetProperty("group_tests").EnumerateArray())
        {
            var terms = test.GetProperty("terms").EnumerateArray().Select(e => e.GetString()!).ToArray();
            CheckTest(test, model.TestWithout(terms), $"{name} without {string.Join(" + ", terms)}");
        }
    }

    private static void CheckTest(JsonElement expected, CoxLikelihoodRatioTest actual, string what)
    {
        Approx.Equal(expected.Number("loglik0"), actual.ReducedLogLikelihood, Approx.Statistic, $"{what} loglik without");
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.DegreesOfFreedom);
        Assert.Equal(actual.N, actual.Reduced.N);
        if (actual.DegreesOfFreedom == 0)
        {
            // R's anova prints a chi-square of 0 and P = 1 for a test of nothing; we say "not defined".
            Assert.Null(actual.ChiSquare);
            Assert.Null(actual.PValue);
            Assert.Contains(actual.Warnings, w => w.Contains("nothing to test", StringComparison.Ordinal));
            return;
        }
        Approx.Equal(expected.Number("chisq"), actual.ChiSquare, Approx.Statistic, $"{what} chi-square");
        Approx.Equal(expected.Number("p"), actual.PValue, Approx.PValue, $"{what} p");
    }

    /// <summary>The case's model from its CSV file: rows need a time and an event; missing covariates
    /// and strata are the model's to leave out (complete cases), as pnen cox does.</summary>
    internal static CoxModel Fit(JsonElement c)
    {
        var covariates = c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var categorical = c.Entries("categorical").ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var splines = c.Entries("splines").ToDictionary(p => p.Name, p => p.Value.GetInt32());
        var per = c.Entries("per").ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var strata = c.GroupColumnOf("strata");
        var requests = new List<ColumnRequest> { new(c.Text("time"), ColumnKind.NonNegative), new(c.Text("event"), ColumnKind.Event) };
        requests.AddRange(covariates.Select(v => new ColumnRequest(v, categorical.ContainsKey(v) ? ColumnKind.Categorical : ColumnKind.Auto)));
        if (strata is not null) requests.Add(new ColumnRequest(strata, ColumnKind.Categorical));
        var table = TableReader.Read(TestFiles.Path(c.Text("data")), requests);

        var time = table.Get<NumericColumn>(c.Text("time")).Values;
        var status = table.Get<EventColumn>(c.Text("event")).Values.Select(v => v == 1).ToArray();
        var terms = covariates.ToDictionary(v => v, CoxCovariate (v) => table[v] switch
        {
            CategoricalColumn cat => new CategoricalCovariate(v, cat.Codes, cat.Levels, categorical.TryGetValue(v, out var reference) ? IndexOf(cat.Levels, reference) : 0),
            NumericColumn num when splines.TryGetValue(v, out var df) => new SplineCovariate(v, num.Values, df),
            NumericColumn num when per.TryGetValue(v, out var units) => new PerUnitCovariate(v, num.Values, units),
            NumericColumn num => new NumericCovariate(v, num.Values),
            _ => throw new InvalidOperationException(v),
        });
        var model = covariates.Select(v => terms[v]).ToList();
        foreach (var interaction in c.GetProperty("interactions").EnumerateArray())
        {
            var parts = interaction.GetString()!.Split(':');
            model.Add(new InteractionCovariate(terms[parts[0]], terms[parts[1]]));
        }
        CoxStrata? stratum = null;
        if (strata is not null)
        {
            var s = table.Get<CategoricalColumn>(strata);
            stratum = new CoxStrata(strata, s.Codes, s.Levels);
        }
        var ties = c.Text("ties") == "breslow" ? CoxTies.Breslow : CoxTies.Efron;
        return CoxModel.Fit(time, status, model, new CoxOptions { Ties = ties }, stratum);
    }

    private static int IndexOf(IReadOnlyList<string> levels, string level)
    {
        var index = levels.ToList().IndexOf(level);
        Assert.True(index >= 0, $"'{level}' is not a level");
        return index;
    }
}
