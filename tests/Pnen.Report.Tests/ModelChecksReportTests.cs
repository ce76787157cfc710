using System.Text.Json;
using Pnen.Dsl;
using Pnen.Dsl.Report;
using Pnen.Dsl.Tests.Codebooks;
using Pnen.Dsl.Tests.Study;

namespace Pnen.Report.Tests;

/// <summary>
/// Model checking in the report: the proportional hazards table (P &lt; 0.05 flagged, remedies named), a
/// residual figure per model of the final cohort (a subgroup's as a supplementary file), the residual
/// points left out under small-cell suppression, the concordance and the cluster in the models table's
/// footnotes, and Firth's estimate labelled as Firth's in tables, forest plots and results.json. The
/// numbers quoted are R's (model-checks.expected.json, written by tests/Pnen.Dsl.Tests/Study/model-checks.R).
/// </summary>
public class ModelChecksReportTests
{
    private static readonly Lazy<StudyResult<Sex>> Lung = new(() =>
        LungChecksStudy.Plan.Execute(Codebook.Load<LungCentrePatient>(LungReport.DataPath)));

    private static readonly Lazy<StudyResult<bool>> Separation = new(() =>
        SeparationStudy.Plan.Execute(Codebook.Load<SeparationRecord>(Path.Combine(AppContext.BaseDirectory, "TestData", "cox-checks", "firth-separation.csv"))));

    private static ReportDocument Document<TX>(StudyResult<TX> result, int? suppressBelow = null) where TX : notnull =>
        StudyReport.Build(result, new ReportOptions { OutputDirectory = "unused", SuppressBelow = suppressBelow });

    private static ReportTable Table(ReportDocument document, string title) => document.Tables.Single(t => t.Title.Contains(title, StringComparison.Ordinal));

    [Fact]
    public void TheProportionalHazardsTableFlagsPBelow005AndNamesTheRemedies()
    {
        var table = Table(Document(Lung.Value), "Proportional hazards tests of the Cox models: Final cohort");
        Assert.StartsWith("Table ", table.Title);
        Assert.Equal(["Chi-square", "df", "P"], table.Columns.Select(c => c.Header));
        // R: cox.zph(coxph(Surv(time, event) ~ sex + ecog + sex:ecog)): sex chi-square 3.946, P 0.04698.
        var sex = table.Rows.Single(r => r.Characteristic == "Interaction" && r.Label == "Sex");
        Assert.Equal(["3.95", "1"], sex.Cells.Take(2).Select(c => c.Text));
        Assert.Equal(new TableCell("0.047 \u2020", Emphasis: true), sex.Cells[2]);
        // The spline's three columns are one row, as cox.zph prints ns(ph.karno, df = 3): chi-square 4.952 on 3 df, P 0.175.
        var spline = table.Rows.Single(r => r.Characteristic == "Adjusted" && r.Label.StartsWith("Karnofsky", StringComparison.Ordinal));
        Assert.Equal(["4.95", "3", "0.175"], spline.Cells.Select(c => c.Text));
        Assert.False(spline.Cells[2].Emphasis);
        // R's global test of the adjusted model: 7.541 on 7 df, P 0.375.
        Assert.Equal(["7.54", "7", "0.375"], table.Rows.Single(r => r.Characteristic == "Adjusted" && r.Label == "Global").Cells.Select(c => c.Text));
        var flag = Assert.Single(table.Footnotes, f => f.StartsWith("\u2020 P < 0.05", StringComparison.Ordinal));
        Assert.Contains("sex (Interaction)", flag, StringComparison.Ordinal);
        Assert.Contains("stratify by the variable", flag, StringComparison.Ordinal);
        Assert.Contains("a time interaction", flag, StringComparison.Ordinal);
        Assert.Contains(table.Footnotes, f => f.StartsWith("Penalised: the test is of the ordinary Cox fit", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryModelOfTheFinalCohortHasAResidualFigureAndASubgroupsAreSupplementary()
    {
        var document = Document(Lung.Value);
        var figures = document.Figures.Where(f => f.FileName.StartsWith("zph-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Lung.Value.Cohort.Models.Select(m => "zph-final-cohort-" + m.Id.ToLowerInvariant()), figures.Select(f => f.FileName));
        Assert.All(figures, f => Assert.Contains("Scaled Schoenfeld residuals against time", f.Caption, StringComparison.Ordinal));
        // One panel per term: the adjusted model has five (sex, age, ECOG, weight loss and the spline).
        Assert.Equal(5, figures.Single(f => f.FileName == "zph-final-cohort-adjusted").Svg.Split("<g><!-- Proportional hazards:").Length - 1);

        // LungStudy has a subgroup: its residual figure is a file of the report, not a figure of the document.
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        Assert.True(File.Exists(output.PathOf("figures/zph-older-multivariable.svg")));
        var built = StudyReport.Build(LungReport.Result, LungReport.Options(scratch.Report));
        Assert.DoesNotContain(built.Figures, f => f.FileName == "zph-older-multivariable");
        Assert.Contains(built.Tables, t => t.Title.StartsWith("Table S", StringComparison.Ordinal) && t.Title.EndsWith("Proportional hazards tests of the Cox models: Older", StringComparison.Ordinal));
    }

    [Fact]
    public void UnderSmallCellSuppressionTheResidualPointsAreNotDrawnNorWritten()
    {
        const string points = "stroke=\"#7f7f7f\"";
        var plain = Document(Lung.Value).Figures.Single(f => f.FileName == "zph-final-cohort-crude");
        Assert.Contains(points, plain.Svg, StringComparison.Ordinal);
        var suppressed = Document(Lung.Value, suppressBelow: 11).Figures.Single(f => f.FileName == "zph-final-cohort-crude");
        Assert.DoesNotContain(points, suppressed.Svg, StringComparison.Ordinal);
        Assert.Contains("Points not shown", suppressed.Svg, StringComparison.Ordinal);
        Assert.Contains("Residual points are not shown under small-cell suppression", suppressed.Caption, StringComparison.Ordinal);

        var crude = Model(Results(Lung.Value, 11), "Crude").GetProperty("proportionalHazards");
        Assert.Equal(JsonValueKind.Null, crude.GetProperty("eventTimes").ValueKind);
        Assert.Equal(JsonValueKind.Null, crude.GetProperty("terms")[0].GetProperty("residuals").ValueKind);
        Assert.Equal(40, crude.GetProperty("terms")[0].GetProperty("smooth").GetProperty("fit").GetArrayLength());
        var shown = Model(Results(Lung.Value), "Crude").GetProperty("proportionalHazards");
        Assert.Equal(Lung.Value.Cohort.Models[0].Events, shown.GetProperty("terms")[0].GetProperty("residuals").GetArrayLength());
    }

    [Fact]
    public void ConcordanceAndClusterAreInTheModelsTableFootnotes()
    {
        var table = Table(Document(Lung.Value), "Cox models of");
        // R: summary(coxph(Surv(time, event) ~ sex))$concordance: 0.5786 (se 0.02066); with cluster = inst: 0.6037 (0.01985).
        var concordance = Assert.Single(table.Footnotes, f => f.StartsWith("Concordance (Harrell's C, standard error):", StringComparison.Ordinal));
        Assert.Contains("Crude 0.579 (0.021)", concordance, StringComparison.Ordinal);
        Assert.Contains("Clustered 0.604 (0.020)", concordance, StringComparison.Ordinal);
        Assert.Contains(table.Footnotes, f => f.StartsWith("Clustered: standard errors, 95% CIs and P values from the robust (sandwich) variance clustered by institution (18 clusters)", StringComparison.Ordinal));
        Assert.Contains(table.Footnotes, f => f.StartsWith("Penalised: Firth's penalised partial likelihood", StringComparison.Ordinal));
        var clustered = Model(Results(Lung.Value), "Clustered").GetProperty("cox");
        Assert.Equal(18, clustered.GetProperty("clusters").GetInt32());
        Assert.Equal(JsonValueKind.Number, clustered.GetProperty("terms")[0].GetProperty("naiveStdErr").ValueKind);
    }

    [Fact]
    public void FirthsEstimateIsLabelledInTablesForestsAndResultsJson()
    {
        var document = Document(Separation.Value);
        var models = Table(document, "Cox models of");
        var exposed = models.Rows.Single(r => r.Characteristic == "Exposed" && r.Label == "Yes");
        // R: coxphf(Surv(time, event) ~ exposed): HR 0.02786 (0.000219-0.2038), P 3.99e-06; with w: 0.02823 (0.000222-0.2064).
        Assert.Equal("not estimable; Firth 0.028 (0.000\u20130.204)", exposed.Cells[0].Text);
        Assert.Equal(new TableCell("<0.001 (Firth)", Emphasis: true), exposed.Cells[1]);
        // The model declared with .Firth() shows Firth's estimate as its own, unlabelled in the cell.
        Assert.Equal("0.028 (0.000\u20130.206)", exposed.Cells[4].Text);
        // The stratified model cannot be refitted by Firth's method: the ordinary "not estimable" and a note.
        Assert.Equal("not estimable", exposed.Cells[6].Text);
        Assert.Contains(models.Footnotes, f => f.StartsWith("not estimable; Firth:", StringComparison.Ordinal));
        Assert.Contains(models.Footnotes, f => f.Contains("no Firth estimate beside the possibly infinite coefficients", StringComparison.Ordinal));

        var univariate = Table(document, "Univariate analysis");
        Assert.Equal("not estimable; Firth 0.028 (0.000\u20130.204)", univariate.Rows.Single(r => r.Characteristic == "Exposed" && r.Label == "Yes").Cells[3].Text);

        var forest = document.Figures.Single(f => f.FileName == "forest-final-cohort-crude").Svg;
        Assert.Contains("Firth 0.028 (0.000\u20130.204)", forest, StringComparison.Ordinal);
        Assert.Contains("Firth (open square)", forest, StringComparison.Ordinal);

        var json = Results(Separation.Value);
        var firth = Model(json, "Crude").GetProperty("terms")[0].GetProperty("estimates")[1].GetProperty("firth");
        Assert.Equal(0.0278620412675186, firth.GetProperty("hazardRatio").GetDouble(), 1e-8);
        Assert.Equal("firth", Model(json, "Penalised").GetProperty("method").GetString());
        Assert.Equal("coxph", Model(json, "Crude").GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Null, Model(json, "Penalised").GetProperty("terms")[0].GetProperty("estimates")[1].GetProperty("firth").ValueKind);
    }

    [Fact]
    public void TheMethodsSayHowModelsWereFittedAndChecked()
    {
        var methods = string.Join("\n", Document(Lung.Value).Sections[0].Blocks.OfType<ReportParagraph>().Select(p => p.Text));
        Assert.Contains("Model checking: the proportional hazards assumption of every model was tested by the score test of R survival's cox.zph", methods, StringComparison.Ordinal);
        Assert.Contains("with a robust (sandwich) variance clustered by institution", methods, StringComparison.Ordinal);
        Assert.Contains("fitted by Firth's penalised partial likelihood", methods, StringComparison.Ordinal);
    }

    private static JsonElement Results<TX>(StudyResult<TX> result, int? suppressBelow = null) where TX : notnull
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(result, new ReportOptions { OutputDirectory = scratch.Report, SuppressBelow = suppressBelow });
        var text = File.ReadAllText(output.PathOf("results.json"));
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static JsonElement Model(JsonElement results, string id) =>
        results.GetProperty("cohort").GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
}
