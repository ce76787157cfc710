using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// The "descriptive tests veteran" case of tests/TestData/r-reference.json (R 4.2.2 on
/// tests/TestData/veteran.csv): chisq.test(table(celltype, trt), correct = FALSE),
/// fisher.test(table(celltype, prior)), kruskal.test(karno ~ celltype), anova(lm(age ~ celltype)),
/// shapiro.test(age), wilcox.test(karno ~ trt). Expected numbers are read from the JSON.
/// </summary>
public class VeteranReferenceTests
{
    private static readonly System.Text.Json.JsonElement Case = RCases.Case("descriptive tests veteran");
    private static readonly Veteran Data = Veteran.Instance;

    [Fact]
    public void ChiSquareCelltypeByTreatment()
    {
        var expected = Case.GetProperty("chisq_celltype_by_trt");
        var (celltype, celltypes) = Data.Factor("celltype");
        var (trt, trts) = Data.Factor("trt");
        var r = ChiSquareTest.Pearson(ContingencyTable.CrossTabulate(celltype, celltypes.Length, trt, trts.Length));
        Near.Equal(RCases.Number(expected, "stat"), r.Statistic, Near.Statistic, "X-squared");
        Assert.Equal(RCases.Number(expected, "df"), r.DegreesOfFreedom);
        Near.Equal(RCases.Number(expected, "p"), r.P, Near.PValue, "p");
    }

    [Fact]
    public void FisherCelltypeByPriorTherapy()
    {
        var (celltype, celltypes) = Data.Factor("celltype");
        var (prior, priors) = Data.Factor("prior");
        var r = FisherExactTest.Test(ContingencyTable.CrossTabulate(celltype, celltypes.Length, prior, priors.Length));
        Near.Equal(RCases.Number(Case.GetProperty("fisher_celltype_by_prior"), "p"), r.P, Near.PValue, "p");
        Assert.False(r.IsSimulated);
    }

    [Fact]
    public void KruskalWallisKarnofskyByCelltype()
    {
        var expected = Case.GetProperty("kruskal_karno_by_celltype");
        var (celltype, _) = Data.Factor("celltype");
        var r = KruskalWallisTest.Test(Data.Numbers("karno"), celltype);
        Near.Equal(RCases.Number(expected, "stat"), r.Statistic, Near.Statistic, "H");
        Assert.Equal(RCases.Number(expected, "df"), r.DegreesOfFreedom);
        Near.Equal(RCases.Number(expected, "p"), r.P, Near.PValue, "p");
    }

    [Fact]
    public void AnovaAgeByCelltype()
    {
        var expected = Case.GetProperty("anova_age_by_celltype");
        var (celltype, _) = Data.Factor("celltype");
        var r = OneWayAnova.Test(Data.Numbers("age"), celltype);
        Near.Equal(RCases.Number(expected, "F"), r.Statistic, Near.Statistic, "F");
        Assert.Equal(RCases.Number(expected, "df1"), r.DegreesOfFreedom);
        Assert.Equal(RCases.Number(expected, "df2"), r.DegreesOfFreedom2);
        Near.Equal(RCases.Number(expected, "p"), r.P, Near.PValue, "p");
    }

    [Fact]
    public void ShapiroWilkAge()
    {
        var expected = Case.GetProperty("shapiro_age");
        var r = ShapiroWilkTest.Test(Data.Numbers("age"));
        Near.Equal(RCases.Number(expected, "W"), r.Statistic, Near.Statistic, "W");
        Near.Equal(RCases.Number(expected, "p"), r.P, Near.PValue, "p");
    }

    [Fact]
    public void WilcoxonKarnofskyByTreatment()
    {
        var expected = Case.GetProperty("wilcox_karno_by_trt");
        var karno = Data.Numbers("karno");
        var trt = Data.Numbers("trt");
        var x = karno.Where((_, i) => trt[i] == 1).ToArray();
        var y = karno.Where((_, i) => trt[i] == 2).ToArray();
        var r = MannWhitneyTest.Test(x, y);
        Near.Equal(RCases.Number(expected, "W"), r.Statistic, Near.Statistic, "W");
        Near.Equal(RCases.Number(expected, "p"), r.P, Near.PValue, "p");
        Assert.False(r.IsExact); // ties: normal approximation with continuity correction, as the case's note says
    }
}
