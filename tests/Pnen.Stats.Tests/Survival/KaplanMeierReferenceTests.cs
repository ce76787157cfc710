using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// Every "km" case of r-reference.json (R 4.2.2, survival 3.5-3): counts, median and limits as
/// print(survfit) gives them, quartiles as quantile(survfit), the restricted mean to the largest
/// time of all curves (rmean = "common") with its standard error, and the first event rows of
/// summary(survfit) (survival, Greenwood se of log S, log limits).
/// </summary>
public class KaplanMeierReferenceTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.OfKind("km");

    [Theory]
    [MemberData(nameof(Cases))]
    public void GroupSummariesMatchR(string name)
    {
        var c = ReferenceCases.Named(name);
        var curves = Fit(c);
        var expectedGroups = c.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(expectedGroups.Length, curves.Count);
        var tau = curves.Max(k => k.Steps[^1].Time);

        foreach (var expected in expectedGroups)
        {
            var level = expected.Text("level");
            var curve = curves.Single(k => k.Level == level);
            var what = $"{name}, {level}";
            Assert.Equal(expected.GetProperty("n").GetInt32(), curve.N);
            Assert.Equal(expected.GetProperty("events").GetInt32(), curve.Events);
            Approx.Equal(expected.NumberOrNull("median"), curve.Median.Time, Approx.Statistic, $"{what} median");
            Approx.Equal(expected.NumberOrNull("lower"), curve.Median.Lower, Approx.Statistic, $"{what} median lower");
            Approx.Equal(expected.NumberOrNull("upper"), curve.Median.Upper, Approx.Statistic, $"{what} median upper");
            Approx.Equal(expected.NumberOrNull("q25"), curve.Quantile(0.25).Time, Approx.Statistic, $"{what} q25");
            Approx.Equal(expected.NumberOrNull("q50"), curve.Quantile(0.5).Time, Approx.Statistic, $"{what} q50");
            Approx.Equal(expected.NumberOrNull("q75"), curve.Quantile(0.75).Time, Approx.Statistic, $"{what} q75");
            var rmean = curve.RestrictedMean(tau);
            Approx.Equal(expected.Number("rmean_common"), rmean.Mean, Approx.Statistic, $"{what} rmean");
            Approx.Equal(expected.Number("rmean_se"), rmean.StdErr, Approx.Statistic, $"{what} se(rmean)");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FirstEventRowsMatchR(string name)
    {
        var c = ReferenceCases.Named(name);
        var first = Fit(c)[0];
        var eventSteps = first.Steps.Where(s => s.Events > 0).ToArray();
        var rows = c.GetProperty("first_rows").EnumerateArray().ToArray();
        Assert.NotEmpty(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            var expected = rows[i];
            var step = eventSteps[i];
            var what = $"{name}, row {i + 1}";
            Approx.Equal(expected.Number("time"), step.Time, Approx.Statistic, $"{what} time");
            Assert.Equal(expected.GetProperty("n_risk").GetInt32(), step.AtRisk);
            Assert.Equal(expected.GetProperty("n_event").GetInt32(), step.Events);
            Approx.Equal(expected.Number("surv"), step.Survival, Approx.Statistic, $"{what} survival");
            Approx.Equal(expected.Number("std_err_log_surv"), step.StdErr, Approx.Statistic, $"{what} se(log S)");
            Approx.Equal(expected.Number("lower"), step.Lower, Approx.Statistic, $"{what} lower");
            Approx.Equal(expected.Number("upper"), step.Upper, Approx.Statistic, $"{what} upper");
        }
    }

    private static IReadOnlyList<KaplanMeierCurve> Fit(System.Text.Json.JsonElement c)
    {
        var group = c.GroupColumn();
        var data = ReferenceData.Load(c, group is null ? [] : [new ColumnRequest(group, ColumnKind.Categorical)]);
        if (group is null) return [KaplanMeier.Fit(data.Time(c), data.Event(c))];
        var (codes, levels) = data.Groups(group);
        return KaplanMeier.FitGroups(data.Time(c), data.Event(c), codes, levels);
    }
}
