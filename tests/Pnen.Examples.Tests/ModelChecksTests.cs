using System.Runtime.CompilerServices;
using System.Text.Json;
using PnenSurgery;

namespace Pnen.Examples.Tests;

/// <summary>
/// The example study's model checks against R (R 4.2.2, survival 3.5-3, coxphf 1.13 on the same synthetic
/// cohort: tests/Pnen.Dsl.Tests/Study/model-checks.R, its "pnen" part): the final cohort's models'
/// cox.zph and concordance, and Firth's estimate beside the univariable hazard ratios that run off to
/// infinity in the subgroups (HM distribution in hn-pNET-sHM: no unilobar patient dies; lymph node
/// metastasis in pNEC-sHM: the one patient without it does not), read through the typed results and
/// shown in the report. Tolerance 1e-6 relative, 1e-5 for P.
/// </summary>
public class ModelChecksTests
{
    private static readonly Lazy<JsonElement> Expected = new(() => Load());

    private static JsonElement Load([CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "..", "Pnen.Dsl.Tests", "Study", "model-checks.expected.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("pnen").Clone();
    }

    private static JsonElement R(params string[] path) => path.Aggregate(Expected.Value, (e, p) => e.GetProperty(p));

    [Fact]
    public void TheFinalCohortsModelsAreCheckedAsRChecksThem()
    {
        var models = ExampleRun.Result.Cohort.Models;
        Assert.Equal(R("n").GetInt32(), ExampleRun.Result.Cohort.N);
        Test(R("crude", "zph", "surgery"), models.Crude.Result.Exposure.ProportionalHazards);
        Test(R("crude", "zph", "GLOBAL"), models.Crude.ProportionalHazards!.Global);
        Close(R("crude", "concordance", "c"), models.Crude.Concordance!.C, 1e-6);
        Close(R("crude", "concordance", "se"), models.Crude.Concordance.StdErr, 1e-6);

        // The screened model's terms are found by id; R's formula names them as below.
        var multivariable = models.Multivariable.Result;
        Assert.Equal(R("multivariable", "n").GetInt32(), multivariable.N);
        foreach (var (r, id) in new[] { ("surgery", "Surgery"), ("age60", "Age"), ("extrahepatic_mets", "ExtrahepaticMetastasis"), ("hm40", "HmDiameter"), ("grade", "Grade"), ("ssa", "SomatostatinAnalogues") })
        {
            Test(R("multivariable", "zph", r), multivariable.Terms.Single(t => t.Id == id).ProportionalHazards);
        }
        Test(R("multivariable", "zph", "GLOBAL"), models.Multivariable.ProportionalHazards!.Global);
        Close(R("multivariable", "concordance", "c"), models.Multivariable.Concordance!.C, 1e-6);
        Close(R("multivariable", "concordance", "se"), models.Multivariable.Concordance.StdErr, 1e-6);
    }

    [Fact]
    public void FirthsEstimateSitsWhereTheSubgroupsNumbersRunOffToInfinity()
    {
        var hn = ExampleRun.Result.Subgroups.HnPnetShm;
        Assert.Equal(R("hn_hm_distribution", "n").GetInt32(), hn.N);
        Assert.True(R("hn_hm_distribution", "ordinary_flagged").GetBoolean());
        var bilobar = hn.Characteristics.HmDistribution[HmDistribution.Bilobar].HazardRatio!;
        Assert.True(bilobar.PossiblyInfinite);
        Firth(R("hn_hm_distribution", "firth", "hm_distributionBilobar"), bilobar.Firth);

        var nec = ExampleRun.Result.Subgroups.PnecShm;
        Assert.Equal(R("nec_lymph", "n").GetInt32(), nec.N);
        Assert.True(R("nec_lymph", "ordinary_flagged").GetBoolean());
        var lymph = nec.Characteristics.LymphNodeMetastasis[true].HazardRatio!;
        Assert.True(lymph.PossiblyInfinite);
        Firth(R("nec_lymph", "firth", "lymphYes"), lymph.Firth);

        // The report labels them: R's 2.291 (0.307-292.779) and 0.885 (0.086-119.087).
        var report = ExampleRun.Text("report.md");
        Assert.Contains("| not estimable; Firth 2.291 (0.307\u2013292.779) |", report, StringComparison.Ordinal);
        Assert.Contains("| not estimable; Firth 0.885 (0.086\u2013119.087) |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportShowsTheProportionalHazardsTestsAndResidualPlots()
    {
        var report = ExampleRun.Text("report.md");
        Assert.Contains("Proportional hazards tests of the Cox models: Final cohort**", report, StringComparison.Ordinal);
        foreach (var model in new[] { "crude", "multivariable" })
        {
            Assert.Contains($"](figures/zph-final-cohort-{model}.svg)", report, StringComparison.Ordinal);
            foreach (var subgroup in new[] { "bt-pnet-shm", "hn-pnet-shm", "pnec-shm" }) Assert.True(File.Exists(ExampleRun.File($"figures/zph-{subgroup}-{model}.svg")));
        }
    }

    private static void Test(JsonElement expected, Dsl.TestResult? actual)
    {
        Assert.NotNull(actual);
        Close(expected.GetProperty("chisq"), actual.ChiSquare, 1e-6);
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.Df);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    private static void Firth(JsonElement expected, Dsl.FirthEstimate? actual)
    {
        Assert.NotNull(actual);
        Close(expected.GetProperty("hr"), actual.HazardRatio, 1e-6);
        Close(expected.GetProperty("lower"), actual.Lower, 1e-6);
        Close(expected.GetProperty("upper"), actual.Upper, 1e-6);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    private static void Close(JsonElement expected, double? actual, double relative)
    {
        var r = expected.GetDouble();
        Assert.True(actual is not null, $"R has {r:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - r) <= relative * Math.Max(Math.Abs(r), 1e-12), $"R {r:R}, Pnen {actual:R}");
    }
}
