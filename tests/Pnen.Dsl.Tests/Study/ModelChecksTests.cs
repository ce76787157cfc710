using System.Runtime.CompilerServices;
using System.Text.Json;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// Model checking through the plan, against model-checks.expected.json (R 4.2.2, survival 3.5-3, coxphf
/// 1.13; model-checks.R): cox.zph per term and globally for a linear, a cut, a spline and an interaction
/// term and a stratified Breslow model, the data of plot.cox.zph, summary(coxph)'s concordance (with
/// a cluster, its cluster-robust standard error), the robust variance of coxph(cluster =), a model fitted
/// by Firth's method (coxphf), and Firth's estimate beside coefficients running off to infinity, read
/// through the generated typed results. Tolerance 1e-6 relative for estimates and statistics, 1e-5 for P.
/// </summary>
public class ModelChecksTests
{
    private static readonly Lazy<LungChecksStudyResult> Lung = new(() =>
        LungChecksStudy.Execute(Codebook.Load<LungCentrePatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv"))));

    private static readonly Lazy<SeparationStudyResult> Separation = new(() =>
        SeparationStudy.Execute(Codebook.Load<SeparationRecord>(Path.Combine(AppContext.BaseDirectory, "TestData", "cox-checks", "firth-separation.csv"))));

    private static readonly Lazy<JsonElement> Expected = new(() => Load());

    private static JsonElement Load([CallerFilePath] string here = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "model-checks.expected.json")));
        return document.RootElement.Clone();
    }

    private static JsonElement R(params string[] path) => path.Aggregate(Expected.Value, (e, p) => e.GetProperty(p));

    [Fact]
    public void ProportionalHazardsTestsMatchCoxZphTermByTerm()
    {
        var models = Lung.Value.Cohort.Models;
        Zph(R("lung", "crude", "zph", "sex"), models.Crude.Result.Exposure.ProportionalHazards);
        Zph(R("lung", "crude", "zph", "GLOBAL"), models.Crude.ProportionalHazards!.Global);

        var adjusted = models.Adjusted;
        Zph(R("lung", "adjusted", "zph", "sex"), adjusted.Result.Exposure.ProportionalHazards);
        Zph(R("lung", "adjusted", "zph", "age10"), adjusted.Age.ProportionalHazards);
        Zph(R("lung", "adjusted", "zph", "ecog"), adjusted.PhEcog.ProportionalHazards);
        Zph(R("lung", "adjusted", "zph", "wt.loss"), adjusted.WtLoss.ProportionalHazards);
        // A spline's three columns are one term, as cox.zph groups ns(ph.karno, df = 3).
        Zph(R("lung", "adjusted", "zph", "ns(ph.karno, df = 3)"), adjusted.PhKarno.ProportionalHazards);
        Assert.Equal(3, adjusted.PhKarno.ProportionalHazards!.Df);
        Zph(R("lung", "adjusted", "zph", "GLOBAL"), adjusted.ProportionalHazards!.Global);

        // Breslow ties and the model's own strata: the test within strata, as cox.zph does it.
        Zph(R("lung", "stratified", "zph", "sex"), models.Stratified.Result.Exposure.ProportionalHazards);
        Zph(R("lung", "stratified", "zph", "age10"), models.Stratified.Age.ProportionalHazards);
        Zph(R("lung", "stratified", "zph", "GLOBAL"), models.Stratified.ProportionalHazards!.Global);

        var interaction = models.Interaction;
        Zph(R("lung", "interaction", "zph", "sex"), interaction.Result.Exposure.ProportionalHazards);
        Zph(R("lung", "interaction", "zph", "ecog"), interaction.PhEcog.ProportionalHazards);
        Zph(R("lung", "interaction", "zph", "sex:ecog"), interaction.SexByPhEcog.ProportionalHazards);
        Zph(R("lung", "interaction", "zph", "GLOBAL"), interaction.ProportionalHazards!.Global);
        // R's P of sex here is 0.047: flagged.
        Assert.True(interaction.Result.Exposure.ProportionalHazards!.P < 0.05);

        // A cluster changes the variance, not the coefficients: cox.zph is that of the fit.
        Zph(R("lung", "clustered", "zph", "sex"), models.Clustered.Result.Exposure.ProportionalHazards);
        Zph(R("lung", "clustered", "zph", "GLOBAL"), models.Clustered.ProportionalHazards!.Global);
    }

    [Fact]
    public void AFirthModelIsCheckedThroughItsOrdinaryFit()
    {
        var penalised = Lung.Value.Cohort.Models.Penalised;
        Assert.True(penalised.ProportionalHazards!.OfOrdinaryFit);
        Zph(R("lung", "penalised", "zph", "sex"), penalised.Result.Exposure.ProportionalHazards);
        Zph(R("lung", "penalised", "zph", "age10"), penalised.Age.ProportionalHazards);
        Zph(R("lung", "penalised", "zph", "GLOBAL"), penalised.ProportionalHazards.Global);
        Assert.False(Lung.Value.Cohort.Models.Crude.ProportionalHazards!.OfOrdinaryFit);
    }

    [Theory]
    [InlineData("crude", "Crude")]
    [InlineData("adjusted", "Adjusted")]
    [InlineData("stratified", "Stratified")]
    [InlineData("interaction", "Interaction")]
    [InlineData("clustered", "Clustered")]
    [InlineData("penalised", "Penalised")]
    public void ConcordanceMatchesR(string r, string id)
    {
        var model = Lung.Value.Cohort.Result.Model(id);
        Close(R("lung", r, "concordance", "c"), model.Concordance!.C, 1e-6);
        Close(R("lung", r, "concordance", "se"), model.Concordance.StdErr, 1e-6);
    }

    [Fact]
    public void TheResidualPlotIsPlotCoxZphs()
    {
        var crude = Lung.Value.Cohort.Models.Crude.ProportionalHazards!;
        var x = R("lung", "crude", "plot", "x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(x.Length, crude.TransformedTimes.Count);
        for (var i = 0; i < x.Length; i++) Near(x[i], crude.TransformedTimes[i]);
        Panel(R("lung", "crude", "plot", "sex"), crude.Term("Sex")!);
        Assert.Equal(Lung.Value.Cohort.Models.Crude.Result.Cox!.Terms[0].Coefficient, crude.Term("Sex")!.Coefficient);

        // A spline's panel: 1 plus the residual of its part of the linear predictor, a line at 1.
        var spline = Lung.Value.Cohort.Models.Adjusted.ProportionalHazards!.Term("PhKarno")!;
        Panel(R("lung", "adjusted", "plot", "spline"), spline);
        Assert.Equal(1, spline.Coefficient);
    }

    [Fact]
    public void AClusterGivesCoxphsRobustVariance()
    {
        var clustered = Lung.Value.Cohort.Models.Clustered;
        Estimate(R("lung", "clustered", "terms", "sexFemale"), clustered[Sex.Female]);
        Estimate(R("lung", "clustered", "terms", "age10"), clustered.Age.Estimate);
        var cox = clustered.Result.Cox!;
        Assert.Equal(R("lung", "clustered", "clusters").GetInt32(), cox.Clusters);
        Close(R("lung", "clustered", "terms", "sexFemale", "se"), cox.Term("Sex", "Female")!.StdErr, 1e-6);
        Close(R("lung", "clustered", "terms", "sexFemale", "naive_se"), cox.Term("Sex", "Female")!.NaiveStdErr, 1e-6);
        Close(R("lung", "clustered", "terms", "age10", "naive_se"), cox.Term("Age")!.NaiveStdErr, 1e-6);
        // The record without an institution is left out, as R's na.omit does.
        Assert.Equal(R("lung", "clustered", "n").GetInt32(), clustered.Result.N);
    }

    [Fact]
    public void AFirthModelIsCoxphfs()
    {
        var penalised = Lung.Value.Cohort.Models.Penalised;
        Assert.True(penalised.Result.IsFirth);
        Assert.NotNull(penalised.Result.FirthFit);
        Estimate(R("lung", "penalised", "terms", "sexFemale"), penalised[Sex.Female]);
        Estimate(R("lung", "penalised", "terms", "age10"), penalised.Age.Estimate);
        Assert.Equal(R("lung", "penalised", "n").GetInt32(), penalised.Result.N);
        Assert.All(penalised.Result.Estimates, e => Assert.Null(e.Firth));
    }

    [Fact]
    public void FirthsEstimateSitsBesideACoefficientRunningOffToInfinity()
    {
        var cohort = Separation.Value.Cohort;
        Assert.True(R("separation", "ordinary_flagged").GetBoolean());
        // The univariable row of the exposure and the crude model: coxphf(Surv(time, event) ~ exposed).
        var univariable = cohort.Result.Characteristics.Single(c => c.IsExposure).HazardRatios[1];
        Assert.True(univariable.PossiblyInfinite);
        Firth(R("separation", "alone", "exposedYes"), univariable.Firth);
        var crude = cohort.Models.Crude[true];
        Assert.True(crude.PossiblyInfinite);
        Firth(R("separation", "alone", "exposedYes"), crude.Firth);

        // Adjusted: the refit of every term; only the flagged row shows it.
        var adjusted = cohort.Models.Adjusted;
        Assert.True(adjusted[true].PossiblyInfinite);
        Firth(R("separation", "with_w", "terms", "exposedYes"), adjusted[true].Firth);
        Assert.Null(adjusted.W.Estimate.Firth);
        Assert.False(adjusted.W.Estimate.PossiblyInfinite);
    }

    [Fact]
    public void AFirthModelUnderSeparationIsFinite()
    {
        var penalised = Separation.Value.Cohort.Models.Penalised;
        Assert.False(penalised[true].PossiblyInfinite);
        Estimate(R("separation", "with_w", "terms", "exposedYes"), penalised[true]);
        Estimate(R("separation", "with_w", "terms", "w"), penalised.W.Estimate);
        Close(R("separation", "with_w", "concordance", "c"), penalised.Concordance!.C, 1e-6);
        Close(R("separation", "with_w", "concordance", "se"), penalised.Concordance.StdErr, 1e-6);
        // Its estimates are finite: no note calls them infinite.
        Assert.DoesNotContain(penalised.Result.Notes, n => n is PossiblyInfinite);
    }

    [Fact]
    public void AStratifiedModelGetsANoteInsteadOfFirthsEstimate()
    {
        var stratified = Separation.Value.Cohort.Models.Stratified;
        Assert.True(stratified[true].PossiblyInfinite);
        Assert.Null(stratified[true].Firth);
        Assert.Null(stratified.Result.FirthFit);
        var note = Assert.Single(stratified.Result.Notes.OfType<FirthNotApplicable>());
        Assert.Equal("Stratified", note.Model);
        Assert.Contains("Firth's method (as coxphf) has no strata", note.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void AModelWithoutEventsHasNoChecks()
    {
        // The 20 exposed records are all censored: a model of them alone has no events.
        var exposed = Codebook.Load<SeparationRecord>(Path.Combine(AppContext.BaseDirectory, "TestData", "cox-checks", "firth-separation.csv"));
        var plan = SeparationStudy.Plan.Subgroup("Exposed only", p => p.Exposed);
        var result = plan.Execute(exposed).Subgroup("ExposedOnly");
        Assert.Equal(0, result.Events);
        Assert.All(result.Models, m =>
        {
            Assert.Null(m.ProportionalHazards);
            Assert.Null(m.Concordance);
            Assert.Null(m.FirthFit);
        });
    }

    private static void Zph(JsonElement expected, TestResult? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(TestKind.ProportionalHazards, actual.Kind);
        Close(expected.GetProperty("chisq"), actual.ChiSquare, 1e-6);
        Assert.Equal(expected.GetProperty("df").GetInt32(), actual.Df);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    private static void Panel(JsonElement expected, ProportionalHazardsTerm panel)
    {
        var y = expected.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(y.Length, panel.Residuals.Count);
        for (var i = 0; i < y.Length; i++) Near(y[i], panel.Residuals[i]);
        var smooth = expected.GetProperty("smooth");
        foreach (var (name, mine) in new[] { ("x", panel.Smooth!.X), ("fit", panel.Smooth.Fit), ("lower", panel.Smooth.Lower), ("upper", panel.Smooth.Upper) })
        {
            var r = smooth.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(r.Length, mine.Count);
            for (var i = 0; i < r.Length; i++) Near(r[i], mine[i]);
        }
    }

    private static void Estimate(JsonElement expected, Dsl.Estimate actual)
    {
        Close(expected.GetProperty("hr"), actual.HazardRatio, 1e-6);
        Close(expected.GetProperty("lower"), actual.Lower, 1e-6);
        Close(expected.GetProperty("upper"), actual.Upper, 1e-6);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    private static void Firth(JsonElement expected, FirthEstimate? actual)
    {
        Assert.NotNull(actual);
        Close(expected.GetProperty("coef"), actual.Coefficient, 1e-6);
        Close(expected.GetProperty("hr"), actual.HazardRatio, 1e-6);
        Close(expected.GetProperty("lower"), actual.Lower, 1e-6);
        Close(expected.GetProperty("upper"), actual.Upper, 1e-6);
        Close(expected.GetProperty("p"), actual.P, 1e-5);
    }

    /// <summary>Plot data cross zero: 1e-6 relative to the value, absolute below 1.</summary>
    private static void Near(double expected, double? actual)
    {
        Assert.True(actual is not null, $"R has {expected:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - expected) <= 1e-6 * Math.Max(Math.Abs(expected), 1), $"R {expected:R}, Pnen {actual:R}");
    }

    private static void Close(JsonElement expected, double? actual, double relative) => Close(expected.GetDouble(), actual, relative);

    private static void Close(double expected, double? actual, double relative)
    {
        Assert.True(actual is not null, $"R has {expected:R}, Pnen has none");
        Assert.True(Math.Abs(actual!.Value - expected) <= relative * Math.Max(Math.Abs(expected), 1e-12), $"R {expected:R}, Pnen {actual:R}");
    }
}
