using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Survival.Cox.Zph;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.Checks;

/// <summary>
/// Every "zph" case of cox-checks.json: R survival 3.5-3's cox.zph (table, event times, transformed
/// times, scaled Schoenfeld residuals) and the smooth and band plot.cox.zph draws (taken from its
/// lines() calls) and the time axis it labels (its axis() call). Colon (a 3-level factor, each transform, Breslow, strata), lung, veteran, R's
/// own toy data of tests/zph.R, and edge cases: a covariate constant in a stratum, a factor level
/// absent from a stratum, a one-record stratum, ties at the first and last time, few event times.
/// </summary>
public class ZphReferenceTests
{
    public static IEnumerable<object[]> Cases => CoxCheckCases.OfKind("zph");

    /// <summary>Each case by each way of testing a model: from the data it was fitted on, from a
    /// <see cref="CoxModel"/> that kept its rows (the CLI's way), and from one that did not.</summary>
    public static IEnumerable<object[]> PathCases => Cases.SelectMany(c => Paths.Select(path => (object[])[.. c, path]));

    /// <summary>The paths above, and the tests alone (no panels, as `pnen cox --zph` asks).</summary>
    public static IEnumerable<object[]> TablePathCases => PathCases.Concat(Cases.Select(c => (object[])[.. c, "model, tests only"]));

    private static readonly string[] Paths = ["data", "model kept", "model rebuilt"];

    private static readonly Dictionary<string, ZphTransform> Transforms = new()
    {
        ["km"] = ZphTransform.KaplanMeier, ["rank"] = ZphTransform.Rank, ["identity"] = ZphTransform.Identity, ["log"] = ZphTransform.Log,
    };

    [Theory]
    [MemberData(nameof(TablePathCases))]
    public void TableMatchesCoxZph(string name, string transform, string path)
    {
        var c = CoxCheckCases.Zph(name, transform);
        var result = Test(c, transform, path);
        var what = $"{name} ({transform}, from the {path})";
        if (path == "model, tests only")
        {
            // The same warnings as with the panels (whether each smooth can be made included), no panel drawn.
            Assert.Equal(Test(c, transform).Warnings, result.Warnings);
            Assert.All(result.Panels, p => Assert.True(p.Residuals.Count == 0 && p.Smooth is null));
        }

        var table = c.GetProperty("table").EnumerateArray().ToArray();
        Assert.Equal(table.Length - 1, result.Terms.Count);
        for (var i = 0; i < result.Terms.Count; i++)
        {
            var (expected, actual) = (table[i], result.Terms[i]);
            Assert.Equal(expected.Text("term"), actual.Variable);
            Assert.Equal(expected.GetProperty("df").GetInt32(), actual.DegreesOfFreedom);
            Approx.Equal(expected.Number("chisq"), actual.ChiSquare, Approx.Statistic, $"{what} {actual.Variable} chisq");
            Approx.Equal(expected.Number("p"), actual.PValue, Approx.PValue, $"{what} {actual.Variable} p");
        }
        var global = table[^1];
        Assert.Equal("GLOBAL", global.Text("term"));
        Assert.Equal(global.GetProperty("df").GetInt32(), result.Global!.DegreesOfFreedom);
        Approx.Equal(global.Number("chisq"), result.Global.ChiSquare, Approx.Statistic, $"{what} global chisq");
        Approx.Equal(global.Number("p"), result.Global.PValue, Approx.PValue, $"{what} global p");
    }

    [Theory]
    [MemberData(nameof(PathCases))]
    public void ResidualsMatchCoxZph(string name, string transform, string path)
    {
        var c = CoxCheckCases.Zph(name, transform);
        var result = Test(c, transform, path);
        var what = $"{name} ({transform}, from the {path})";

        var times = c.Numbers("event_times");
        var x = c.Numbers("transformed");
        Assert.Equal(c.GetProperty("events").GetInt32(), result.EventTimes.Count);
        for (var e = 0; e < times.Length; e++)
        {
            Approx.Equal(times[e], result.EventTimes[e], Approx.Statistic, $"{what} time {e}");
            Approx.Equal(x[e], result.TransformedTimes[e], Approx.Statistic, $"{what} x {e}");
        }

        var panels = c.GetProperty("panels").EnumerateArray().ToArray();
        Assert.Equal(panels.Length, result.Panels.Count);
        for (var k = 0; k < panels.Length; k++)
        {
            var panel = result.Panels[k];
            Assert.Equal(panels[k].Text("term"), panel.Variable);
            var y = panels[k].NullableNumbers("y");
            for (var e = 0; e < y.Length; e++)
            {
                if (name == "strata single event" && e >= RMisalignedFrom) continue; // see SingleEventStratum below
                Approx.Equal(y[e], panel.Residuals[e], Approx.Statistic, $"{what} {panel.Variable} residual {e}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SmoothMatchesPlotCoxZph(string name, string transform)
    {
        var c = CoxCheckCases.Zph(name, transform);
        var result = Test(c, transform);
        var what = $"{name} ({transform})";
        if (name == "strata single event") return; // R's residuals are misaligned there, and so is its smooth

        foreach (var (expected, panel) in c.GetProperty("panels").EnumerateArray().Zip(result.Panels))
        {
            var smooth = expected.GetProperty("smooth");
            if (smooth.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.Null(panel.Smooth); // R: "spline fit is singular, variable skipped"
                continue;
            }
            Assert.NotNull(panel.Smooth);
            foreach (var (field, actual) in new[] { ("x", panel.Smooth.X), ("fit", panel.Smooth.Fit), ("lower", panel.Smooth.Lower), ("upper", panel.Smooth.Upper) })
            {
                var values = smooth.Numbers(field);
                Assert.Equal(values.Length, actual.Count);
                for (var g = 0; g < values.Length; g++) Approx.Equal(values[g], actual[g], Approx.Statistic, $"{what} {panel.Variable} {field}[{g}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TimeAxisMatchesPlotCoxZph(string name, string transform)
    {
        var c = CoxCheckCases.Zph(name, transform);
        var result = Test(c, transform);
        var axis = c.GetProperty("axis");
        if (axis.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            Assert.Empty(result.TimeAxis); // identity and log: plot.cox.zph draws time itself
            return;
        }
        var times = axis.Numbers("time");
        var positions = axis.Numbers("position");
        Assert.Equal(times.Length, result.TimeAxis.Count);
        for (var i = 0; i < times.Length; i++)
        {
            Approx.Equal(times[i], result.TimeAxis[i].Time, Approx.Statistic, $"{name} ({transform}) tick {i} time");
            Approx.Equal(positions[i], result.TimeAxis[i].Position, Approx.Statistic, $"{name} ({transform}) tick {i} position");
        }
    }

    // zph-strata-single-event.csv: strata a (25 events), b (23), c (1 record, an event), d (5).
    // R numbers the events of a stratum by counting deaths per stratum from its 'used' table,
    // where c counts 0 (nothing varies in one record), so R 3.5-3 treats c's event as d's first
    // and leaves d's last event unscaled. Events 0-47 (strata a and b) are unaffected.
    private const int RMisalignedFrom = 48;

    [Fact]
    public void SingleEventStratumHasNoResidualsAndTheRestKeepTheirStrata()
    {
        var c = CoxCheckCases.Zph("strata single event", "km");
        var result = Test(c, "km");
        // Event 48 is stratum c's: a single record varies in nothing, so no residual for any term.
        Assert.All(result.Panels, p => Assert.Null(p.Residuals[RMisalignedFrom]));
        // Stratum d's five events (49-53): x is constant there (null), g varies. Its scaled
        // residuals equal those of the same events in zph-strata.csv (where c's record is censored
        // and R is right): c adds nothing to any score, information or 'used' count.
        var reference = CoxCheckCases.Zph("strata edge", "km").GetProperty("panels").EnumerateArray().ToArray();
        for (var e = 0; e < 5; e++)
        {
            Assert.Null(result.Panels[0].Residuals[RMisalignedFrom + 1 + e]);
            Approx.Equal(reference[1].NullableNumbers("y")[RMisalignedFrom + e], result.Panels[1].Residuals[RMisalignedFrom + 1 + e],
                Approx.Statistic, $"stratum d event {e}");
        }
    }

    private static CoxZphResult Test(System.Text.Json.JsonElement c, string transform, string path = "data")
    {
        var model = CoxModelCase.Load(c);
        if (path != "data")
        {
            var fitted = CoxModel.Fit(model.Time, model.Status, model.Covariates, model.Options, model.Strata, keepRowsForZph: path != "model rebuilt");
            return CoxZph.Test(fitted, Transforms[transform], withPanels: path != "model, tests only");
        }
        var fit = model.Fit();
        return CoxZph.Test(model.Time, model.Status, model.Covariates, fit, Transforms[transform], model.Options, model.Strata);
    }
}
