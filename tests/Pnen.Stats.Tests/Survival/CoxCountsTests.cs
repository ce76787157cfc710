using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// <see cref="CoxRegression.FitCounts"/>: the Cox model from counts of identical rows (a GROUP BY
/// over stratum, time, status and covariates). tests/TestData/duckdb/cox-counts.json (make-reference.R,
/// R 4.2.2, survival 3.5-3) holds coxph on the 3,000 rows that patterns.csv's 1,362 entries stand
/// for (three categorical covariates, strata, 25 distinct times: heavy ties, a stratum with one
/// record) and coxph(weights = count) on the entries, which differs under Efron's ties; the counts
/// must give the rows' fit, to R's tolerance, and the row-level fit on the expanded rows to 1e-9.
/// </summary>
public class CoxCountsTests
{
    private const double SameFit = 1e-9;

    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(TestFiles.Path("duckdb/cox-counts.json"))).RootElement;

    [Theory]
    [InlineData(CoxTies.Efron, "rows_efron")]
    [InlineData(CoxTies.Breslow, "rows_breslow")]
    public void CountsGiveTheFitOfTheRowsTheyStandFor(CoxTies ties, string expected)
    {
        var patterns = Patterns.Load();
        var options = new CoxOptions { Ties = ties };

        var fromCounts = CoxRegression.FitCounts(patterns.Time, patterns.Status, patterns.Count, patterns.Covariates, options, patterns.Strata);

        var r = Reference.GetProperty(expected);
        AssertMatchesR(r, fromCounts, expected);
        Assert.Equal(r.GetProperty("n").GetInt32(), fromCounts.N);
        Assert.Equal(r.GetProperty("nevent").GetInt32(), fromCounts.Events);
        var expanded = patterns.Expand();
        AssertSameFit(CoxRegression.Fit(expanded.Time, expanded.Status, expanded.Covariates, options, expanded.Strata), fromCounts);
    }

    [Fact]
    public void CaseWeightsAreNotFrequenciesUnderEfron()
    {
        // coxph(weights = count) on the entries: Efron's correction sees one death per entry.
        var patterns = Patterns.Load();
        var data = new SurvivalData(patterns.Time, patterns.Status) { Weights = patterns.Count.Select(c => (double)c).ToArray() };
        var weighted = CoxRegression.Fit(data, patterns.Covariates, new CoxOptions { Robust = false }, patterns.Strata);

        AssertMatchesR(Reference.GetProperty("weighted_patterns_efron"), weighted, "weighted entries");
        var fromCounts = CoxRegression.FitCounts(patterns.Time, patterns.Status, patterns.Count, patterns.Covariates, strata: patterns.Strata);
        Assert.True(Math.Abs(weighted.LogLikelihoodEnd - fromCounts.LogLikelihoodEnd) > 1, "frequency and case weights must differ under tied deaths");
    }

    /// <summary>Missing covariates and strata (dropped rows counted as rows), a constant covariate, a
    /// level without events (separation), a level only in dropped rows, no events at all.</summary>
    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void EdgeCasesGiveTheRowLevelFit(CoxTies ties)
    {
        double[] time = [1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7];
        bool[] status = [true, true, true, false, true, true, false, true, false, true, true, false];
        int[] count = [3, 1, 2, 4, 1, 1, 2, 5, 1, 2, 1, 3];
        var arm = new CategoricalCovariate("arm", [0, 1, 0, 1, 2, 0, 1, -1, 0, 1, 0, 1], ["a", "b", "never"], 0);
        var dose = new NumericCovariate("dose", [1, 2, 1, 2, 3, 1, double.NaN, 2, 1, 2, 1, 2]);
        var flat = new NumericCovariate("flat", [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
        var strata = new CoxStrata("site", [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, -1], ["x", "y"]);
        var options = new CoxOptions { Ties = ties };

        var fromCounts = CoxRegression.FitCounts(time, status, count, [arm, dose, flat], options, strata);

        var rows = Enumerable.Range(0, time.Length).SelectMany(i => Enumerable.Repeat(i, count[i])).ToArray();
        var expanded = CoxRegression.Fit(
            rows.Select(i => time[i]).ToArray(), rows.Select(i => status[i]).ToArray(),
            [arm with { Codes = rows.Select(i => arm.Codes[i]).ToArray() }, dose with { Values = rows.Select(i => dose.Values[i]).ToArray() }, flat with { Values = rows.Select(i => flat.Values[i]).ToArray() }],
            options, strata with { Codes = rows.Select(i => strata.Codes[i]).ToArray() });
        AssertSameFit(expanded, fromCounts);
        Assert.Equal(10, fromCounts.Dropped); // 5 (arm missing) + 2 (dose) + 3 (site), rows not entries

        bool[] none = new bool[time.Length];
        AssertSameFit(
            CoxRegression.Fit(rows.Select(i => time[i]).ToArray(), new bool[rows.Length], [new NumericCovariate("dose", rows.Select(i => dose.Values[i]).ToArray())], options),
            CoxRegression.FitCounts(time, none, count, [dose], options));
    }

    private static void AssertMatchesR(JsonElement r, CoxResult fit, string what)
    {
        var coef = r.GetProperty("coef").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var se = r.GetProperty("se").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(coef.Length, fit.Terms.Count);
        for (var i = 0; i < coef.Length; i++)
        {
            Approx.Equal(coef[i], fit.Terms[i].Coefficient, Approx.Statistic, $"{what} coef {i}");
            Approx.Equal(se[i], fit.Terms[i].StdErr, Approx.Statistic, $"{what} se {i}");
        }
        var loglik = r.GetProperty("loglik").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Approx.Equal(loglik[0], fit.LogLikelihoodStart, Approx.Statistic, $"{what} loglik(0)");
        Approx.Equal(loglik[1], fit.LogLikelihoodEnd, Approx.Statistic, $"{what} loglik");
        Approx.Equal(r.GetProperty("score").GetDouble(), fit.Score!.ChiSquare, Approx.Statistic, $"{what} score test");
        Assert.Equal(r.GetProperty("iter").GetInt32(), fit.Iterations);
    }

    private static void AssertSameFit(CoxResult rows, CoxResult counts)
    {
        Assert.Equal((rows.N, rows.Events, rows.Dropped, rows.Iterations, rows.Converged), (counts.N, counts.Events, counts.Dropped, counts.Iterations, counts.Converged));
        Approx.Equal(rows.LogLikelihoodStart, counts.LogLikelihoodStart, SameFit, "loglik(0)");
        Approx.Equal(rows.LogLikelihoodEnd, counts.LogLikelihoodEnd, SameFit, "loglik");
        Approx.Equal(rows.Score?.ChiSquare, counts.Score?.ChiSquare, SameFit, "score test");
        Approx.Equal(rows.Wald?.ChiSquare, counts.Wald?.ChiSquare, SameFit, "Wald test");
        Assert.Equal(rows.Terms.Select(t => (t.Variable, t.Level, t.PossiblyInfinite)), counts.Terms.Select(t => (t.Variable, t.Level, t.PossiblyInfinite)));
        for (var i = 0; i < rows.Terms.Count; i++)
        {
            Approx.Equal(rows.Terms[i].Coefficient, counts.Terms[i].Coefficient, SameFit, $"coef {i}");
            Approx.Equal(rows.Terms[i].StdErr, counts.Terms[i].StdErr, SameFit, $"se {i}");
        }
        Assert.Equal(rows.DroppedTerms, counts.DroppedTerms);
        Assert.Equal(rows.Warnings, counts.Warnings);
    }

    /// <summary>patterns.csv: one entry per (centre, time, status, arm, sex, grade) with its count.</summary>
    private sealed record Patterns(double[] Time, bool[] Status, int[] Count, CoxCovariate[] Covariates, CoxStrata Strata)
    {
        public static Patterns Load()
        {
            var table = TableReader.Read(TestFiles.Path("duckdb/patterns.csv"), [
                new("time", ColumnKind.NonNegative), new("status", ColumnKind.Event), new("count", ColumnKind.Numeric),
                new("arm", ColumnKind.Categorical), new("sex", ColumnKind.Categorical), new("grade", ColumnKind.Categorical), new("centre", ColumnKind.Categorical)]);
            CategoricalCovariate Factor(string name)
            {
                var column = table.Get<CategoricalColumn>(name);
                return new CategoricalCovariate(name, column.Codes, column.Levels, 0);
            }
            var centre = table.Get<CategoricalColumn>("centre");
            return new Patterns(
                table.Get<NumericColumn>("time").Values, table.Get<EventColumn>("status").Values.Select(v => v == 1).ToArray(),
                table.Get<NumericColumn>("count").Values.Select(v => (int)v).ToArray(),
                [Factor("arm"), Factor("sex"), Factor("grade")], new CoxStrata("centre", centre.Codes, centre.Levels));
        }

        public Patterns Expand()
        {
            var rows = Enumerable.Range(0, Time.Length).SelectMany(i => Enumerable.Repeat(i, Count[i])).ToArray();
            var covariates = Covariates.Cast<CategoricalCovariate>().Select(c => (CoxCovariate)(c with { Codes = rows.Select(i => c.Codes[i]).ToArray() })).ToArray();
            return new Patterns(rows.Select(i => Time[i]).ToArray(), rows.Select(i => Status[i]).ToArray(), rows.Select(_ => 1).ToArray(),
                covariates, Strata with { Codes = rows.Select(i => Strata.Codes[i]).ToArray() });
        }
    }
}
