using PnenSurgery.Audit;

namespace Pnen.Examples.Tests;

/// <summary>
/// The reproduction audit of the example: every published number (../shared/paper/published.json,
/// embedded in the study) beside this run's. Exact and recomputed numbers must read the same as
/// printed; the paper's own contradictions are the only exceptions, and they are named here;
/// approximate numbers that were calibration targets must be within the tolerances of
/// examples/PnenSurgery/Data/README.md.
/// </summary>
public class AuditTests
{
    private static readonly IReadOnlyList<AuditRow> Rows = ReproductionAudit.Build(ExampleRun.Result);

    [Fact]
    public void EveryExactAndRecomputedNumberAgrees()
    {
        var disagreeing = Rows.Where(r => r.Status is AuditStatus.ExactByConstruction or AuditStatus.Recomputed && !r.Agrees);
        Assert.Empty(disagreeing);
    }

    [Fact]
    public void TheOnlyDisagreementsAreThePapersOwnContradictions()
    {
        var inconsistent = Rows.Where(r => r.Status == AuditStatus.InconsistentInPaper).Select(r => $"{r.Section} · {r.Item}").ToArray();
        Assert.Equal(
        [
            "Table 1 · Maximum diameter of HM · P",
            "Table 2 · Diameter of primary tumor · <=40 mm · n",
            "Table 2 · Maximum diameter of HM · <=40 mm · n",
            "Table 3 · Pathological grading · G2 · n",
        ], inconsistent);
    }

    [Fact]
    public void Table1PValuesAreThoseOfThePublishedCounts()
    {
        // Nine of ten equal the printed P at three decimals; the maximum HM diameter row gives 0.012
        // from the printed counts (Pearson chi-square, as SPSS), against 0.014 printed.
        var table1 = Rows.Where(r => r.Section == "Table 1" && r.Item.EndsWith(" · P", StringComparison.Ordinal)).ToArray();
        Assert.Equal(10, table1.Length);
        Assert.Equal(9, table1.Count(r => r.Status == AuditStatus.Recomputed && r.Agrees));
        var hm = Assert.Single(table1, r => !r.Agrees);
        Assert.Equal(("0.014", "0.012"), (hm.Published, hm.Reproduced));
    }

    [Fact]
    public void ApproximateTargetsAreWithinTheirTolerance()
    {
        var held = Rows.Where(r => r.WithinTolerance is not null).ToArray();
        Assert.True(held.Length >= 80, $"only {held.Length} approximate numbers carry a tolerance");
        Assert.Empty(held.Where(r => r.WithinTolerance == false).Select(r => $"{r.Section} · {r.Item}: published {r.Published}, reproduced {r.Reproduced} ({r.Tolerance})"));
    }
}
