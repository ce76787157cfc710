using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.CountingProcess;

/// <summary>
/// Every "cox" case of cox-core/r-reference-cox-core.json against R's coxph and summary():
/// (start, stop] data (heart, the myeloid and synthetic tmerge splits, the edge cases), case
/// weights, robust and cluster variances (rats by litter, colon by patient across both event
/// types, lung by institution), landmark fits; coefficients, both standard errors, z, p, limits,
/// the log-likelihoods and the LR, Wald (robust when R's is), score and robust score tests.
/// </summary>
public class CoxCountingReferenceTests
{
    public static IEnumerable<object[]> Cases => CoxCoreCases.OfKind("cox");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesCoxph(string name)
    {
        var c = CoxCoreCases.Named("cox", name);
        var result = Fit(c);

        CoxExpected.Fit(c, result, name);
        CoxExpected.Test(c.GetProperty("lr"), result.LikelihoodRatio, $"{name} LR");
        CoxExpected.Test(c.GetProperty("wald"), result.Wald, $"{name} Wald");
        CoxExpected.Test(c.GetProperty("score"), result.Score, $"{name} score");
        var robust = c.GetProperty("robust").GetBoolean();
        if (robust) CoxExpected.Test(c.GetProperty("rscore"), result.RobustScore, $"{name} robust score");
        else Assert.Null(result.RobustScore);

        foreach (var (expected, term, what) in CoxExpected.Terms(c, result, name))
        {
            Approx.Equal(expected.NumberOrNull("naive_se"), term.NaiveStdErr, Approx.Statistic, $"{what} naive se");
            Approx.Equal(expected.Number("z"), term.Z, Approx.Statistic, $"{what} z");
        }
    }

    /// <summary>The immortal-time example of issue 16: in myeloid, transplant coded ever/never
    /// looks protective (HR 0.74), as a time-dependent covariate it is harmful (HR 1.77).
    /// Both numbers are R's (the two "myeloid" cases), rounded as the issue quotes them.</summary>
    [Fact]
    public void MyeloidTransplantReversesOnceTimeDependent()
    {
        var ever = Fit(CoxCoreCases.Named("cox", "myeloid ever transplanted")).Term("transplanted")!;
        var timeDependent = Fit(CoxCoreCases.Named("cox", "myeloid tdc")).Term("tx")!;
        Assert.Equal(0.74, Math.Round(ever.HazardRatio, 2));
        Assert.Equal(1.77, Math.Round(timeDependent.HazardRatio, 2));
    }

    internal static CoxResult Fit(JsonElement c)
    {
        var spec = c.GetProperty("spec");
        var covariates = c.GetProperty("covariates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var categorical = c.GetProperty("categorical").ValueKind == JsonValueKind.Object
            ? c.GetProperty("categorical").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        var strata = c.Optional("strata");
        var columns = covariates.Select(v => (v, categorical.ContainsKey(v) ? ColumnKind.Categorical : ColumnKind.Numeric)).ToList();
        if (strata is not null) columns.Add((strata, ColumnKind.Categorical));
        var data = CoxCoreCases.Load(spec, columns);

        var terms = covariates.Select(v =>
        {
            if (!categorical.TryGetValue(v, out var reference)) return (CoxCovariate)new NumericCovariate(v, data.Numeric(v));
            var (codes, levels) = data.Factor(v);
            return new CategoricalCovariate(v, codes, levels, levels.ToList().IndexOf(reference));
        }).ToArray();
        CoxStrata? stratum = null;
        if (strata is not null)
        {
            var (codes, levels) = data.Factor(strata);
            stratum = new CoxStrata(strata, codes, levels);
        }
        bool? robust = c.GetProperty("robust_arg").ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        var survival = data.Data;
        if (robust == true && survival.IsCountingProcess && survival.Cluster is null)
        {
            survival = survival with { Cluster = data.Records!.SourceRow }; // R: id = the record's patient
        }
        var options = new CoxOptions { Ties = c.Text("ties") == "breslow" ? CoxTies.Breslow : CoxTies.Efron, Robust = robust };
        return CoxRegression.Fit(survival, terms, options, stratum);
    }
}
