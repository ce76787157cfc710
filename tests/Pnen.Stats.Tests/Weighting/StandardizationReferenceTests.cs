using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Standardization;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Weighting;

/// <summary>
/// Cox-standardised survival against R (make-reference.R): rowMeans(survfit(coxph, newdata = cohort
/// with the exposure set to each level)$surv) at every time to 1e-6, S at chosen times, the RMST to tau
/// and their differences; and the seeded bootstrap, whose rows are drawn as R's set.seed + sample(),
/// so its standard errors and percentile limits equal R's replicate for replicate.
/// </summary>
public class StandardizationReferenceTests
{
    public static IEnumerable<object[]> Cases => WeightingReference.OfKind("standardised");

    private static StandardizedSurvival Run(JsonElement c, int bootstrap = 0, int seed = 1)
    {
        var exposureName = c.GetProperty("exposure").GetString()!;
        var table = WeightingReference.Load(c, exposureName, []);
        var outcome = TableReader.Read(TestFiles.Path(c.GetProperty("data").GetString()!),
            [new ColumnRequest(c.GetProperty("time").GetString()!, ColumnKind.NonNegative), new ColumnRequest(c.GetProperty("event").GetString()!, ColumnKind.Event)]);
        var time = outcome.Get<NumericColumn>(c.GetProperty("time").GetString()!).Values;
        var status = outcome.Get<EventColumn>(c.GetProperty("event").GetString()!).Values.Select(v => v == 1).ToArray();
        var exposure = WeightingReference.Factor(table, exposureName, c.GetProperty("reference").GetString());
        var options = new StandardizationOptions
        {
            Cox = new CoxOptions { Ties = c.GetProperty("ties").GetString() == "breslow" ? CoxTies.Breslow : CoxTies.Efron },
            Times = c.Numbers("times"),
            Tau = c.Number("tau"),
            Bootstrap = bootstrap,
            Seed = seed,
        };
        return CoxStandardization.Fit(time, status, exposure, WeightingReference.Covariates(table, c), options);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AveragedCurvesAgreeWithSurvfitNewdata(string name)
    {
        var c = WeightingReference.Named(name);
        var result = Run(c);
        Assert.Equal(c.GetProperty("n").GetInt32(), result.N);
        var curves = c.GetProperty("curves").EnumerateArray().ToArray();
        Assert.Equal(curves.Length, result.Curves.Count);
        foreach (var expected in curves)
        {
            var level = expected.GetProperty("level").GetString()!;
            var curve = result.Curves.Single(x => x.Level == level);
            var times = expected.Numbers("time");
            var surv = expected.Numbers("surv");
            Assert.Equal(times.Length, curve.Time.Count);
            for (var m = 0; m < times.Length; m++)
            {
                Approx.Equal(times[m], curve.Time[m], 1e-12, $"{name} {level} time {m}");
                Approx.Equal(surv[m], curve.Survival[m], Approx.Statistic, $"{name} {level} S({times[m]})");
            }
            var at = expected.Numbers("at");
            for (var t = 0; t < at.Length; t++) Approx.Equal(at[t], curve.AtTimes[t], Approx.Statistic, $"{name} {level} S at time {t}");
            Approx.Equal(expected.Number("rmst"), curve.Rmst, Approx.Statistic, $"{name} {level} RMST");
        }
        foreach (var expected in c.GetProperty("differences").EnumerateArray())
        {
            var difference = result.Differences.Single(d => d.Level == expected.GetProperty("level").GetString());
            var surv = expected.Numbers("surv");
            for (var t = 0; t < surv.Length; t++) Approx.Equal(surv[t], difference.Survival[t].Estimate, Approx.Statistic, $"{name} {difference.Level} dS {t}");
            Approx.Equal(expected.Number("rmst"), difference.Rmst!.Estimate, Approx.Statistic, $"{name} {difference.Level} dRMST");
        }
        // The model itself is the Cox fit of the cohort (its coefficients as R's coef(fit)).
        foreach (var coefficient in c.GetProperty("coef").EnumerateObject())
        {
            var term = result.Model.Terms.Single(t => WeightingReference.RName(t.Variable, t.Level) == coefficient.Name);
            Approx.Equal(coefficient.Value.GetDouble(), term.Coefficient, Approx.Statistic, $"{name} coef {coefficient.Name}");
        }
    }

    [Theory]
    [InlineData("lung-sex-efron")]
    [InlineData("synthetic-surgery-efron")]
    public void BootstrapIntervalsAgreeWithRReplicateForReplicate(string name)
    {
        var c = WeightingReference.Named(name);
        var boot = c.GetProperty("bootstrap");
        var result = Run(c, boot.GetProperty("replicates").GetInt32(), boot.GetProperty("seed").GetInt32());
        Assert.Equal(boot.GetProperty("replicates").GetInt32(), result.BootstrapReplicates);
        Assert.Equal(0, result.BootstrapFailures);
        var effects = result.Differences.SelectMany(d => d.Survival.Append(d.Rmst!)).ToArray();
        var (estimate, se, lower, upper) = (boot.Numbers("estimate"), boot.Numbers("se"), boot.Numbers("lower"), boot.Numbers("upper"));
        Assert.Equal(estimate.Length, effects.Length);
        for (var k = 0; k < effects.Length; k++)
        {
            Approx.Equal(estimate[k], effects[k].Estimate, Approx.Statistic, $"{name} effect {k}");
            Approx.Equal(se[k], effects[k].StdErr, Approx.Statistic, $"{name} effect {k} bootstrap se");
            Approx.Equal(lower[k], effects[k].Lower, Approx.Statistic, $"{name} effect {k} lower");
            Approx.Equal(upper[k], effects[k].Upper, Approx.Statistic, $"{name} effect {k} upper");
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameIntervalsAndAnotherSeedOthers()
    {
        var c = WeightingReference.Named("lung-sex-efron");
        var first = Run(c, 10, 42).Differences[0].Rmst!;
        var again = Run(c, 10, 42).Differences[0].Rmst!;
        var other = Run(c, 10, 43).Differences[0].Rmst!;
        Assert.Equal(first, again);
        Assert.NotEqual(first.Lower, other.Lower);
        Assert.Equal(first.Estimate, other.Estimate);
    }
}
