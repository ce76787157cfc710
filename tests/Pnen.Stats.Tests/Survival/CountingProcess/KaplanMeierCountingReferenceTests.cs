using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.CountingProcess;

/// <summary>
/// Every "km" case of cox-core/r-reference-cox-core.json against R's survfit at every step:
/// delayed entry (heart), Simon-Makuch curves of a tmerge split (myeloid, synthetic exposures),
/// a landmark, case weights that are whole numbers (Greenwood) and not (the robust variance R
/// then uses), zero weights and an arm whose weights are all zero. Counts are R's weighted
/// n.risk, n.event and n.censor; the standard error is of log S.
/// </summary>
public class KaplanMeierCountingReferenceTests
{
    public static IEnumerable<object[]> Cases => CoxCoreCases.OfKind("km");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesSurvfitAtEveryStep(string name)
    {
        var c = CoxCoreCases.Named("km", name);
        var curves = Fit(c);
        var expectedGroups = c.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(expectedGroups.Select(g => g.Text("level")), curves.Select(k => k.Level));
        var tau = c.Number("tau");
        var weighted = c.GetProperty("spec").Optional("weights") is not null;

        for (var g = 0; g < curves.Count; g++)
        {
            var expected = expectedGroups[g];
            var curve = curves[g];
            var what = $"{name} [{curve.Level}]";
            Assert.Equal(c.Text("variance") == "robust", curve.RobustVariance);
            Assert.Equal(expected.GetProperty("n").GetInt32(), curve.N);
            Approx.Equal(expected.Number("events"), weighted ? curve.WeightedEvents!.Value : curve.Events, Approx.Statistic, $"{what} events");
            Approx.Equal(expected.NumberOrNull("median"), curve.Median.Time, Approx.Statistic, $"{what} median");
            Approx.Equal(expected.NumberOrNull("lower"), curve.Median.Lower, Approx.Statistic, $"{what} median lower");
            Approx.Equal(expected.NumberOrNull("upper"), curve.Median.Upper, Approx.Statistic, $"{what} median upper");
            Approx.Equal(expected.NumberOrNull("q25"), curve.Quantile(0.25).Time, Approx.Statistic, $"{what} q25");
            Approx.Equal(expected.NumberOrNull("q75"), curve.Quantile(0.75).Time, Approx.Statistic, $"{what} q75");
            var rmean = curve.RestrictedMean(tau);
            Approx.Equal(expected.Number("rmean"), rmean.Mean, Approx.Statistic, $"{what} rmean");
            Approx.Equal(expected.Number("rmean_se"), rmean.StdErr, Approx.Statistic, $"{what} se(rmean)");

            var steps = expected.GetProperty("steps").EnumerateArray().ToArray();
            Assert.Equal(steps.Length, curve.Steps.Count);
            for (var s = 0; s < steps.Length; s++)
            {
                var r = steps[s];
                var step = curve.Steps[s];
                var at = $"{what} step {s + 1} (t = {step.Time})";
                Assert.Equal(r.Number("time"), step.Time);
                Approx.Equal(r.Number("n_risk"), step.WeightedAtRisk ?? step.AtRisk, Approx.Statistic, $"{at} n.risk");
                Approx.Equal(r.Number("n_event"), step.WeightedEvents ?? step.Events, Approx.Statistic, $"{at} n.event");
                Approx.Equal(r.Number("n_censor"), step.WeightedCensored ?? step.Censored, Approx.Statistic, $"{at} n.censor");
                Approx.Equal(r.Number("surv"), step.Survival, Approx.Statistic, $"{at} survival");
                Approx.Equal(r.NumberOrNull("std_err"), step.StdErr, Approx.Statistic, $"{at} std.err");
                Approx.Equal(r.NumberOrNull("lower"), step.Lower, Approx.Statistic, $"{at} lower");
                Approx.Equal(r.NumberOrNull("upper"), step.Upper, Approx.Statistic, $"{at} upper");
            }
        }
    }

    private static IReadOnlyList<KaplanMeierCurve> Fit(System.Text.Json.JsonElement c)
    {
        var group = c.Optional("group");
        var data = CoxCoreCases.Load(c.GetProperty("spec"), group is null ? [] : [(group, ColumnKind.Categorical)]);
        var options = new KaplanMeierOptions
        {
            ConfidenceType = c.Text("conf_type") switch
            {
                "log-log" => ConfidenceType.LogLog,
                "plain" => ConfidenceType.Plain,
                _ => ConfidenceType.Log,
            },
        };
        if (group is null) return [KaplanMeier.Fit(data.Data, options)];
        var (codes, levels) = data.Factor(group);
        return KaplanMeier.FitGroups(data.Data, codes, levels, options);
    }
}
