using Pnen.Stats.Baseline;
using Pnen.Stats.Tests.Hypothesis;

namespace Pnen.Stats.Tests.Baseline;

/// <summary>
/// A baseline table of tests/TestData/veteran.csv through the builder. The p-values of the
/// "descriptive tests veteran" case of r-reference.json are read from the JSON; the others come from
/// R 4.2.2 on the same file (v &lt;- read.csv("veteran.csv"), sprintf("%.17g")):
/// <code>
/// shapiro.test(v$karno)                 # W = 0.94951806899878666, p = 6.6743239055454666e-05
/// shapiro.test(v$diagtime)              # W = 0.60551378131189559, p = 1.3511312583109805e-17
/// kruskal.test(age ~ celltype, v)       # 2.8727056995020068, df 3, p = 0.41167068547509339
/// oneway.test(age ~ celltype, v)        # F = 0.74958571357459747, df = 3, 65.321033383539671, p = 0.52651615345692915
/// wilcox.test(age ~ trt, v)             # W = 2175, p = 0.46249208944496289 (continuity correction, ties)
/// chisq.test(table(v$prior, v$celltype), correct = FALSE)  # 5.1838761216113012, df 3, p = 0.1588174751199686 (min E 7.88)
/// sapply(split(v$age, v$trt), function(g) c(length(g), mean(g), sd(g), median(g), quantile(g, c(.25, .75))))
///   # trt 1: 69, 57.507246376811594, 10.810701653788682, 62, 49, 66
///   # trt 2: 68, 59.117647058823529, 10.277535873679417, 62, 52, 66
/// c(mean(v$age), sd(v$age), median(v$age), quantile(v$age, c(.25, .75)))  # 58.306569343065696, 10.541627597708009, 62, 51, 66
/// m &lt;- tapply(v$karno, v$trt, mean); s2 &lt;- tapply(v$karno, v$trt, var); abs(m[1] - m[2]) / sqrt((s2[1] + s2[2]) / 2)  # 0.063462126465976071
/// smd_cat(table(v$trt, v$celltype))     # 0.46541012280350419 (smd_cat: see StandardizedDifferenceTests)
/// smd_cat(table(v$celltype, v$trt))     # pairs 0.458.., 0.61042900827572621 (largest), 0.197.., 0.141.., 0.256.., 0.401..
/// </code>
/// </summary>
public class VeteranTableTests
{
    private static readonly System.Text.Json.JsonElement Reference = RCases.Case("descriptive tests veteran");
    private static readonly Veteran Data = Veteran.Instance;

    private static BaselineTable ByCelltype(BaselineTableOptions? options = null)
    {
        var (celltype, celltypes) = Data.Factor("celltype");
        var (trt, trts) = Data.Factor("trt");
        var (prior, priors) = Data.Factor("prior");
        return BaselineTableBuilder.Build(
            new BaselineGrouping("celltype", celltype, celltypes),
            [
                new CategoricalVariable("trt", trt, trts),
                new CategoricalVariable("prior", prior, priors),
                new ContinuousVariable("karno", Data.Numbers("karno")),
                new ContinuousVariable("age", Data.Numbers("age")),
            ],
            options);
    }

    private static BaselineTable ByTreatment(BaselineTableOptions? options = null)
    {
        var (trt, trts) = Data.Factor("trt");
        var (celltype, celltypes) = Data.Factor("celltype");
        return BaselineTableBuilder.Build(
            new BaselineGrouping("trt", trt, trts),
            [
                new CategoricalVariable("celltype", celltype, celltypes),
                new ContinuousVariable("karno", Data.Numbers("karno")),
                new ContinuousVariable("age", Data.Numbers("age")),
            ],
            options);
    }

    [Fact]
    public void AutomaticRuleWithFourGroups()
    {
        var table = ByCelltype();
        Assert.Equal(["adeno", "large", "smallcell", "squamous"], table.Groups.ToArray());

        var trt = table.Rows[0]; // all expected counts >= 5 (smallest 13.4): chi-square
        Assert.Equal(BaselineTests.ChiSquare, trt.Test);
        var chisq = Reference.GetProperty("chisq_celltype_by_trt");
        Near.Equal(RCases.Number(chisq, "stat"), trt.Statistic, Near.Statistic, "X-squared");
        Near.Equal(RCases.Number(chisq, "p"), trt.P, Near.PValue, "p");
        Assert.Null(trt.Normality);
        Assert.Null(trt.Summary);

        var prior = table.Rows[1]; // smallest expected 7.88: chi-square
        Assert.Equal(BaselineTests.ChiSquare, prior.Test);
        Near.Equal(5.1838761216113012, prior.Statistic, Near.Statistic, "X-squared");
        Near.Equal(0.1588174751199686, prior.P, Near.PValue, "p");

        var karno = table.Rows[2]; // Shapiro-Wilk rejects normality: Kruskal-Wallis
        Near.Equal(0.94951806899878666, karno.Normality!.W, Near.Statistic, "W");
        Near.Equal(6.6743239055454666e-05, karno.Normality!.P, Near.PValue, "normality p");
        Assert.Equal(BaselineTests.Kruskal, karno.Test);
        var kw = Reference.GetProperty("kruskal_karno_by_celltype");
        Near.Equal(RCases.Number(kw, "stat"), karno.Statistic, Near.Statistic, "H");
        Near.Equal(RCases.Number(kw, "p"), karno.P, Near.PValue, "p");
        Assert.Null(karno.Levels);

        var age = table.Rows[3];
        Near.Equal(RCases.Number(Reference.GetProperty("shapiro_age"), "p"), age.Normality!.P, Near.PValue, "normality p");
        Assert.Equal(BaselineTests.Kruskal, age.Test);
        Near.Equal(2.8727056995020068, age.Statistic, Near.Statistic, "H");
        Near.Equal(0.41167068547509339, age.P, Near.PValue, "p");
    }

    [Fact]
    public void ForcedTests()
    {
        var fisher = ByCelltype(new BaselineTableOptions { CategoricalTest = CategoricalTestChoice.Fisher, ContinuousTest = ContinuousTestChoice.Anova });
        Assert.Equal(BaselineTests.Fisher, fisher.Rows[1].Test);
        Near.Equal(RCases.Number(Reference.GetProperty("fisher_celltype_by_prior"), "p"), fisher.Rows[1].P, Near.PValue, "Fisher p");
        var anova = Reference.GetProperty("anova_age_by_celltype");
        Assert.Equal(BaselineTests.Anova, fisher.Rows[3].Test);
        Near.Equal(RCases.Number(anova, "F"), fisher.Rows[3].Statistic, Near.Statistic, "F");
        Assert.Equal(RCases.Number(anova, "df1"), fisher.Rows[3].Df);
        Assert.Equal(RCases.Number(anova, "df2"), fisher.Rows[3].Df2);
        Near.Equal(RCases.Number(anova, "p"), fisher.Rows[3].P, Near.PValue, "p");

        var welch = ByCelltype(new BaselineTableOptions { ContinuousTest = ContinuousTestChoice.Welch });
        Assert.Equal(BaselineTests.Welch, welch.Rows[3].Test);
        Near.Equal(0.74958571357459747, welch.Rows[3].Statistic, Near.Statistic, "F");
        Near.Equal(65.321033383539671, welch.Rows[3].Df2, Near.Statistic, "df2");
        Near.Equal(0.52651615345692915, welch.Rows[3].P, Near.PValue, "p");
    }

    [Fact]
    public void TwoGroupsUseWilcoxonWhenNotNormal()
    {
        var table = ByTreatment(new BaselineTableOptions { IncludeSmd = true });
        var karno = table.Rows[1];
        Assert.Equal(BaselineTests.Wilcoxon, karno.Test);
        var w = Reference.GetProperty("wilcox_karno_by_trt");
        Near.Equal(RCases.Number(w, "W"), karno.Statistic, Near.Statistic, "W");
        Near.Equal(RCases.Number(w, "p"), karno.P, Near.PValue, "p");
        Assert.Equal("Wilcoxon rank sum test with continuity correction", karno.Method);
        Near.Equal(0.063462126465976071, karno.Smd, 1e-12, "karno SMD");

        var age = table.Rows[2];
        Assert.Equal(BaselineTests.Wilcoxon, age.Test);
        Near.Equal(2175, age.Statistic, Near.Statistic, "W");
        Near.Equal(0.46249208944496289, age.P, Near.PValue, "p");

        var summaries = age.Summary!.Value;
        Assert.Equal(["1", "2"], summaries.Select(s => s.Group).ToArray());
        double[][] expected = [[69, 57.507246376811594, 10.810701653788682, 62, 49, 66], [68, 59.117647058823529, 10.277535873679417, 62, 52, 66]];
        for (var g = 0; g < 2; g++)
        {
            var s = summaries[g];
            Assert.Equal(expected[g][0], s.N);
            Near.Equal(expected[g][1], s.Mean, 1e-13, "mean");
            Near.Equal(expected[g][2], s.Sd, 1e-13, "sd");
            Near.Equal(expected[g][3], s.Median, 1e-15, "median");
            Near.Equal(expected[g][4], s.Q1, 1e-15, "q1");
            Near.Equal(expected[g][5], s.Q3, 1e-15, "q3");
        }
        var overall = age.Overall!;
        Assert.Equal("Overall", overall.Group);
        Assert.Equal(137, overall.N);
        Near.Equal(58.306569343065696, overall.Mean, 1e-13, "mean");
        Near.Equal(10.541627597708009, overall.Sd, 1e-13, "sd");
        Assert.Equal(51, overall.Q1);

        var celltype = table.Rows[0];
        Near.Equal(0.46541012280350419, celltype.Smd, 1e-10, "celltype SMD");
        Assert.Equal([9, 18], celltype.Levels!.Value[0].Counts.ToArray());
        Assert.Equal(27, celltype.Levels!.Value[0].Overall.Count);
        Near.Equal(100.0 * 27 / 137, celltype.Levels!.Value[0].Overall.Percent, 1e-15, "overall percent");
    }

    [Fact]
    public void SmdOfMoreThanTwoGroupsIsTheLargestPair()
    {
        var table = ByCelltype(new BaselineTableOptions { IncludeSmd = true, IncludeP = false });
        Near.Equal(0.61042900827572621, table.Rows[0].Smd, 1e-10, "largest pairwise SMD");
        Assert.All(table.Rows, r => Assert.Null(r.P));
        Assert.All(table.Rows, r => Assert.Null(r.Test));
    }
}
