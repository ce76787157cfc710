using Pnen.Dsl.Report;
using Pnen.Report.Tests.Veteran;

namespace Pnen.Report.Tests;

/// <summary>The journal tables' content, read off the laid-out document of the veteran study.</summary>
public class TableTests
{
    private static readonly Lazy<ReportDocument> Document = new(() => StudyReport.Build(VeteranReport.Result, new ReportOptions { OutputDirectory = "unused" }));

    private static ReportTable Table(string prefix) => Document.Value.Tables.Single(t => t.Title.StartsWith(prefix, StringComparison.Ordinal));

    private static TableRow Row(ReportTable table, string characteristic, string? level = null) =>
        table.Rows.Single(r => level is null ? r.Kind == TableRowKind.Heading && r.Label == characteristic : r.Characteristic == characteristic && r.Label == level);

    [Fact]
    public void TableOneHasAColumnPerGroupAndNamesItsTests()
    {
        var table = Table("Table 1.");
        Assert.Contains("Baseline characteristics by cell type", table.Title);
        // Overall: 35 + 47 + 26 + 27 = 135 patients, 15 + 30 + 9 + 15 = 69 of them on the standard treatment (51%).
        Assert.Equal(["Overall (n = 135)", "Squamous (n = 35)", "Small cell (n = 47)", "Adenocarcinoma (n = 26)", "Large cell (n = 27)", "P"], table.Columns.Select(c => c.Header));
        var treatment = Row(table, "Treatment", "Standard");
        Assert.Equal(["69 (51)", "15 (43)", "30 (64)", "9 (35)", "15 (56)", ""], treatment.Cells.Select(c => c.Text));
        Assert.Contains(table.Footnotes, f => f.StartsWith("P: Pearson's Chi-squared test (Treatment, Karnofsky score, Prior therapy)", StringComparison.Ordinal));
        Assert.Equal("Median (IQR)", Row(table, "Age, y", "Median (IQR)").Label);
    }

    [Fact]
    public void UnivariateTableShowsTheLogRankPAndTheUnivariableHazardRatio()
    {
        var table = Table("Table 2.");
        Assert.StartsWith("Table 2. Univariate analysis", table.Title);
        Assert.Equal(["n (%)", "Median (IQR), days", "Log-rank P", "Univariable HR (95% CI)"], table.Columns.Select(c => c.FlatHeader));
        Assert.Equal("Ref", Row(table, "Cell type", "Squamous").Cells[3].Text);
        // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ celltype) on veteran with karno >= 20 and
        // diagtime <= 60 (the plan's exclusions), squamous the reference: adeno 3.117498569 (1.747281947-5.562237591).
        Assert.Equal("3.117 (1.747\u20135.562)", Row(table, "Cell type", "Adenocarcinoma").Cells[3].Text);
        Assert.Equal(new TableCell("0.986"), Row(table, "Treatment").Cells[2]);
        Assert.Contains(table.Footnotes, f => f.StartsWith("Log-rank P: log-rank test", StringComparison.Ordinal));
        Assert.Contains(table.Footnotes, f => f.StartsWith("Univariable HR: Cox proportional hazards model of the characteristic alone", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelsTableShowsEachModelsTermsReferencesAndDashes()
    {
        var table = Table("Table 3.");
        Assert.StartsWith("Table 3. Cox models", table.Title);
        Assert.Equal(["Multivariable: HR (95% CI)", "Multivariable: P"], table.Columns.Select(c => c.FlatHeader));
        Assert.Equal("Ref", Row(table, "Cell type", "Squamous").Cells[0].Text);
        var adeno = Row(table, "Cell type", "Adenocarcinoma");
        Assert.Equal("3.346 (1.874\u20135.974)", adeno.Cells[0].Text);
        Assert.Equal(new TableCell("<0.001", Emphasis: true), adeno.Cells[1]);
        // Treatment was screened out (P 0.986 > 0.15): no model holds it, so it has no row.
        Assert.DoesNotContain(table.Rows, r => r.Label == "Treatment");
        Assert.Contains(table.Footnotes, f => f.Contains("the characteristics with univariate P \u2264 0.15", StringComparison.Ordinal));
    }

    [Fact]
    public void AConstantCharacteristicIsNotTestedAndSaysWhy()
    {
        var table = Table("Table 5.");
        Assert.Contains("Standard treatment", table.Title);
        Assert.Equal(["\u2014", "\u2014"], Row(table, "Treatment").Cells.Skip(2).Select(c => c.Text));
        Assert.Contains("Treatment: not tested: constant (every record is Standard).", table.Footnotes);
    }

    [Fact]
    public void AContinuousCharacteristicHasOneRow()
    {
        var table = Table("Table 2.");
        var age = Row(table, "Age, y");
        Assert.Equal("135", age.Cells[0].Text);
        Assert.DoesNotContain(table.Rows, r => r.Characteristic == "Age, y");
    }

    [Fact]
    public void TheFlowTableCountsEachStepInOrder()
    {
        var table = Table("Table S1.");
        Assert.Equal(["Veterans randomised in the trial", "Karnofsky score below 20", "Diagnosed more than 5 years before randomisation", "Final cohort"],
            table.Rows.Take(4).Select(r => r.Label));
        Assert.Equal(["1", "136"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void TablesAndFiguresAreNumberedInReadingOrder()
    {
        var numbered = Document.Value.Tables.Select(t => t.Title[..t.Title.IndexOf('.')]).Where(n => !n.StartsWith("Table S", StringComparison.Ordinal));
        // Table 1, then per cohort (the final cohort and three subgroups) its univariate table and its models,
        // and the final cohort's proportional hazards tests (the subgroups' are supplementary).
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Table {i}"), numbered);
        Assert.Equal(Enumerable.Range(1, Document.Value.Figures.Count()).Select(i => $"Figure {i}"), Document.Value.Figures.Select(f => f.Caption[..f.Caption.IndexOf('.')]));
    }
}
